package dev.pyroom.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.MouseButton;
import dev.pyroom.BrowserTest;
import dev.pyroom.CourseSteps;
import dev.pyroom.WorkspaceForm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The editor as an IDE on a 1366×768 laptop screen: everything in view, a split the student moves, shortcuts, the
 * running state, the light and dark themes and the file actions. Screenshots of the layout go to target/screenshots.
 */
class EditorLayoutIT extends BrowserTest {

    private static final int WIDTH = 1366;
    private static final int HEIGHT = 768;
    private static final Locator.ClickOptions RIGHT_CLICK = new Locator.ClickOptions().setButton(MouseButton.RIGHT);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void codeRunButtonOutputAndInputAreInViewAndARunsOutputShowsThere() {
        Page page = openNewWorkspace("student");

        assertInView(page, page.locator(".monaco-editor"));
        assertInView(page, page.locator("[id$=':run']"));
        assertInView(page, page.locator("#output"));
        assertInView(page, page.locator("#stdin"));
        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollHeight > window.innerHeight"));
        screenshot(page, "editor-light.png");

        replaceCode(page, "name = input('Name? ')\nfor i in range(3):\n    print('Hello,', name, i)\n");
        page.locator("[id$=':run']").click();
        assertThat(page.locator("#output")).containsText("Name? ");
        page.locator("#stdin").fill("Ada");
        page.locator("#stdin").press("Enter");

        assertThat(page.locator("#output")).containsText("Hello, Ada 2");
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");
        assertInView(page, page.locator("#output .end-line"));
        assertInView(page, page.locator("#stdin"));
        screenshot(page, "editor-after-run.png");
    }

    @Test
    void theSplitFollowsADragAndTheKeyboardAndIsKeptAfterAReload() {
        Page page = openNewWorkspace("student");
        Locator split = page.locator("#split");
        assertThat(split).hasAttribute("role", "separator");
        double editorWidth = page.locator(".monaco-editor").boundingBox().width;

        BoundingBox handle = split.boundingBox();
        page.mouse().move(handle.x + handle.width / 2, handle.y + handle.height / 2);
        page.mouse().down();
        page.mouse().move(handle.x - 200, handle.y + handle.height / 2, new Mouse.MoveOptions().setSteps(5));
        page.mouse().up();

        String dragged = split.getAttribute("aria-valuenow");
        assertTrue(Integer.parseInt(dragged) < 58, dragged);
        // Monaco follows the column: it got narrower.
        page.waitForFunction(
                "width => document.querySelector('.monaco-editor').getBoundingClientRect().width < width - 100",
                editorWidth);

        page.reload();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
        assertThat(split).hasAttribute("aria-valuenow", dragged);
        assertTrue(page.locator(".monaco-editor").boundingBox().width < editorWidth - 100);

        split.focus();
        page.keyboard().press("ArrowRight");
        assertThat(split).hasAttribute("aria-valuenow", String.valueOf(Integer.parseInt(dragged) + 2));
        page.keyboard().press("End");
        assertThat(split).hasAttribute("aria-valuenow", "80");
        page.reload();
        assertThat(split).hasAttribute("aria-valuenow", "80");
        assertInView(page, page.locator("#output"));
        assertInView(page, page.locator("#stdin"));
    }

    @Test
    void ctrlEnterRunsCtrlSSavesAndEscStopsAndRunShowsItIsRunning() {
        Page page = openNewWorkspace("student");
        assertThat(page.locator("[id$=':run']")).hasAttribute("title", Pattern.compile("Ctrl\\+Enter"));
        assertThat(page.locator("[id$=':save']")).hasAttribute("title", Pattern.compile("Ctrl\\+S"));
        assertThat(page.locator("[id$=':stop']")).hasAttribute("title", Pattern.compile("Esc"));

        replaceCode(page, "print('saved by the shortcut')\n");
        page.keyboard().press("ControlOrMeta+S");
        // Ctrl-S saves at once, without waiting for the pause after typing that saves too.
        assertNotEquals("Unsaved changes", page.locator("#save-state").textContent());
        assertThat(page.locator("#save-state")).hasText("Saved");
        page.reload();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("saved by the shortcut");

        page.locator(".monaco-editor textarea").focus();
        page.keyboard().press("ControlOrMeta+Enter");
        assertThat(page.locator("#output")).containsText("saved by the shortcut");
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");
        assertThat(page.locator("[id$=':run'] .ui-button-text")).hasText("Run");

        replaceCode(page, "print('looping', flush=True)\nwhile True:\n    pass\n");
        page.keyboard().press("ControlOrMeta+Enter");
        assertThat(page.locator("#output")).containsText("looping");
        Locator run = page.locator("[id$=':run']");
        assertThat(run).hasClass(Pattern.compile("\\brunning\\b"));
        assertThat(run.locator(".ui-button-text")).hasText(Pattern.compile("Running… \\d+ s"));
        assertThat(run.locator(".pi-spinner")).hasCount(1);
        page.keyboard().press("Escape");

        assertThat(page.locator("#output")).containsText("Stopped.");
        assertThat(run.locator(".ui-button-text")).hasText("Run");
        assertThat(run).not().hasClass(Pattern.compile("\\brunning\\b"));

        // Outside the editor too: from the input line.
        page.locator("#stdin").focus();
        page.keyboard().press("ControlOrMeta+Enter");
        assertThat(page.locator("#output")).containsText("looping");
        page.keyboard().press("Escape");
        assertThat(page.locator("#output")).containsText("Stopped.");
    }

    @Test
    void theDarkThemeTurnsPageAndMonacoDarkAndSurvivesAReload() {
        Page page = openNewWorkspace("student");
        assertThat(page.locator("html")).hasAttribute("data-theme", "light");
        assertThat(page.locator(".monaco-editor").first()).hasClass(Pattern.compile("\\bvs\\b"));
        Object lightBackground = page.evaluate("getComputedStyle(document.body).backgroundColor");

        page.locator("#theme-toggle").click();

        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
        assertThat(page.locator("#theme-toggle")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator(".monaco-editor").first()).hasClass(Pattern.compile("\\bvs-dark\\b"));
        assertNotEquals(lightBackground, page.evaluate("getComputedStyle(document.body).backgroundColor"));

        page.reload();
        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
        assertThat(page.locator(".monaco-editor").first()).hasClass(Pattern.compile("\\bvs-dark\\b"));
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
        screenshot(page, "editor-dark.png");

        page.navigate(base() + "my/workspaces.xhtml");
        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
        page.locator("#theme-toggle").click();
        assertThat(page.locator("html")).hasAttribute("data-theme", "light");
        page.reload();
        assertThat(page.locator("html")).hasAttribute("data-theme", "light");
    }

    @Test
    void filesAreCreatedRenamedAndDeletedFromTheToolbarAndTheContextMenu() {
        Page page = openNewWorkspace("student");

        page.locator("#new-file-action").click();
        page.locator("input[id$=':newPath']").fill("notes/todo.py");
        page.locator("input[id$=':newPath']").press("Enter");
        assertThat(page.locator("#file-name")).hasText("notes/todo.py");
        assertThat(page.locator(".file-tree")).containsText("todo.py");

        treeEntry(page, "todo.py").click(RIGHT_CLICK);
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Rename / move…"))
                .click();
        assertThat(page.locator("#move-subject")).hasText("notes/todo.py");
        page.locator("input[id$=':moveTo']").fill("notes/done.py");
        page.locator("[id$=':move']").click();
        assertThat(page.locator(".ui-messages")).containsText("notes/todo.py is now notes/done.py.");
        assertThat(page.locator("#file-name")).hasText("notes/done.py");

        treeEntry(page, "main.py").click(RIGHT_CLICK);
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("New folder…"))
                .click();
        page.locator("input[id$=':newPath']").fill("data");
        page.locator("[id$=':newFolder']").click();
        assertThat(page.locator(".tree-folder", new Page.LocatorOptions().setHasText("data")))
                .hasCount(1);

        treeEntry(page, "done.py").click(RIGHT_CLICK);
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Delete…"))
                .click();
        assertThat(page.locator("#delete-subject")).hasText("notes/done.py");
        page.locator("[id$=':deleteEntry']").click();
        assertThat(page.locator(".ui-messages")).containsText("notes/done.py was deleted.");
        assertThat(page.locator(".file-tree")).not().containsText("done.py");
        assertThat(page.locator("#file-name")).hasText("main.py");

        page.reload();
        assertThat(page.locator(".file-tree")).not().containsText("done.py");
        assertThat(page.locator(".file-tree")).containsText("data");
    }

    @Test
    void filesDroppedOnTheFileListAreUploaded() {
        Page page = openNewWorkspace("student");

        JSHandle files = page.evaluateHandle(
                "text => { const transfer = new DataTransfer();"
                        + " transfer.items.add(new File([text], 'dropped.py', {type: 'text/x-python'}));"
                        + " return transfer; }",
                "print('dropped')\n");
        page.locator(".files").dispatchEvent("dragenter", Map.of("dataTransfer", files));
        page.locator(".files").dispatchEvent("drop", Map.of("dataTransfer", files));

        assertThat(page.locator(".ui-messages")).containsText("Uploaded 1 file: dropped.py");
        assertThat(page.locator(".file-tree")).containsText("dropped.py");
        assertThat(page.locator("#upload-progress")).isHidden();
        treeEntry(page, "dropped.py").click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("print('dropped')");
    }

    @Test
    void noPageScrollsSidewaysAt1366() {
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        instructor.setViewportSize(WIDTH, HEIGHT);
        String name = "Wide " + UUID.randomUUID().toString().substring(0, 8);
        CourseSteps.createCourse(instructor, name);
        String course = instructor.url().replaceAll(".*course=(\\d+).*", "$1");
        for (String path : List.of(
                "my/workspaces.xhtml",
                "my/courses.xhtml",
                "instructor/index.xhtml",
                "instructor/course.xhtml?course=" + course,
                "instructor/gradebook.xhtml?course=" + course)) {
            assertFitsWidth(instructor, path);
        }
        Page student = openNewWorkspace("student");
        assertFitsWidth(student, student.url().replace(base().toString(), ""));
        Page admin = signedIn("admin", "admin/index.xhtml");
        admin.setViewportSize(WIDTH, HEIGHT);
        for (String path :
                List.of("admin/index.xhtml", "admin/users.xhtml", "admin/limits.xhtml", "admin/sandboxes.xhtml")) {
            assertFitsWidth(admin, path);
        }
    }

    private void assertFitsWidth(Page page, String path) {
        page.navigate(base() + path);
        page.waitForLoadState();
        assertEquals(
                Boolean.FALSE,
                page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
                path + " scrolls sideways at " + WIDTH + " px");
    }

    private static Locator treeEntry(Page page, String name) {
        return page.locator(".file-tree [data-path]", new Page.LocatorOptions().setHasText(name));
    }

    private static void assertInView(Page page, Locator element) {
        BoundingBox box = element.boundingBox();
        String where = element + " at " + box.x + "," + box.y + " " + box.width + "×" + box.height;
        assertTrue(box.width > 0 && box.height > 0, where);
        assertTrue(box.x >= 0 && box.y >= 0, where);
        assertTrue(box.x + box.width <= WIDTH && box.y + box.height <= HEIGHT, where);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    private Page openNewWorkspace(String student) {
        Page page = signedIn(student, "my/workspaces.xhtml");
        page.setViewportSize(WIDTH, HEIGHT);
        String name = "Layout " + UUID.randomUUID().toString().substring(0, 8);
        WorkspaceForm.create(page, name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(page.locator("#file-name")).hasText("main.py");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
        return page;
    }

    /** Replaces the whole file as if pasted, so the editor's auto-indent and auto-close do not add to it. */
    private static void replaceCode(Page page, String code) {
        Locator editor = page.locator(".monaco-editor textarea");
        editor.focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().insertText(code);
    }
}
