package dev.pyroom.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.Accessibility;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** axe-core finds no serious or critical violation on any page, in the states people see them in. */
class AccessibilityIT extends BrowserTest {

    /** Every page's violations, gathered so that one run names them all. */
    private final List<String> violations = new ArrayList<>();

    private boolean tabLeavesEditor;

    private static final LocatorAssertions.HasCountOptions LIVE =
            new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    @Test
    void everyPageOfAStudentAnInstructorAndAnAdminPassesAxe() {
        Page visitor = browser.newPerson();
        visitor.navigate(base().toString());
        assertThat(visitor.locator("h1")).containsText("Python, in the classroom.");
        audit(visitor);

        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        audit(instructor);
        String code = createCourse(instructor, "Access " + tag);
        String courseUrl = instructor.url();
        publish(instructor, "Lab " + tag, "Starter " + tag);

        Page student = signedIn("student2", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Access " + tag);
        audit(student);
        student.navigate(base() + "my/workspaces.xhtml");
        audit(student);
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Lab " + tag).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");
        audit(student);
        replaceCode(student, "greeting = 'hi'\nprint(greting)\n");
        assertThat(student.locator("#problems li")).not().hasCount(0);
        assertThat(student.locator("#save-state")).hasText("Saved");
        student.locator("[id$=':run']").click();
        assertThat(student.locator("#run-explanation")).isVisible();
        // A screen reader hears how the run ended, not every line of output as it comes.
        assertThat(student.locator("#run-announcement")).containsText("NameError");
        assertThat(student.locator("#run-announcement")).containsText("exit code 1");
        assertThat(student.locator("#output")).not().hasAttribute("aria-live", "polite");
        audit(student);
        student.locator("[id$=':historyLink']").click();
        assertThat(student.locator("#history-content")).containsText("greting");
        audit(student);

        instructor.navigate(courseUrl);
        Locator openCode = instructor.locator("[id='live:students'] .open-code");
        assertThat(openCode).hasCount(1, LIVE);
        String studentUrl = base() + openCode.getAttribute("href").replaceFirst("^/", "");
        audit(instructor);
        for (String link : List.of("#cockpit-link", "#gradebook-link", ".tests-link")) {
            instructor.navigate(courseUrl);
            instructor.locator(link).first().click();
            instructor.waitForLoadState();
            audit(instructor);
        }
        instructor.navigate(studentUrl);
        assertThat(instructor.locator(".file-content").first()).containsText("greting");
        audit(instructor);
        instructor.locator("[id$=':replay']").click();
        assertThat(instructor.locator("#history-content")).containsText("greting");
        audit(instructor);
        instructor.navigate(base() + "instructor/index.xhtml");
        audit(instructor);

        Page admin = signedIn("admin", "admin/index.xhtml");
        audit(admin);
        for (String page : List.of("users", "sandboxes", "limits")) {
            admin.navigate(base() + "admin/" + page + ".xhtml");
            admin.waitForLoadState();
            audit(admin);
        }
        assertEquals("", String.join("\n", violations));
    }

    @Test
    void aStudentWritesRunsAndFixesAProgramWithTheKeyboardAlone() {
        Page page = signedIn("student", "my/workspaces.xhtml");
        String name = "Keys " + UUID.randomUUID().toString().substring(0, 6);
        WorkspaceForm.create(page, name);
        tabUntil(
                page,
                "document.activeElement.tagName === 'A' && document.activeElement.textContent.trim() === '" + name
                        + "'");
        page.keyboard().press("Enter");
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!");

        writeCode(page, "name = input('Name? ')\nprint('Hello,', nmae)\n");
        page.keyboard().press("ControlOrMeta+Enter");
        assertThat(page.locator("#output")).containsText("Name? ");
        answerInput(page, "Ada");
        assertThat(page.locator("#run-explanation")).containsText("NameError");

        writeCode(page, "name = input('Name? ')\nprint('Hello,', name)\n");
        page.keyboard().press("ControlOrMeta+S");
        assertThat(page.locator("#save-state")).hasText("Saved");
        page.keyboard().press("ControlOrMeta+Enter");
        assertThat(page.locator("#output")).containsText("Name? ");
        answerInput(page, "Ada");
        assertThat(page.locator("#output")).containsText("Hello, Ada");
        assertThat(page.locator("#output")).containsText("Program finished (exit code 0).");
        assertThat(page.locator("#run-explanation")).isHidden();
    }

    /** Reaches the code editor by Tab and replaces its text, Tab indenting again once there. */
    private void writeCode(Page page, String code) {
        tabUntil(page, "document.activeElement.closest('.monaco-editor') !== null");
        if (tabLeavesEditor) {
            toggleTabMode(page);
        }
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().insertText(code);
    }

    /** From the code editor, reaches the program's input line by Tab and answers it. */
    private void answerInput(Page page, String text) {
        if (!tabLeavesEditor) {
            toggleTabMode(page);
        }
        tabUntil(page, "document.activeElement.id === 'stdin'");
        page.keyboard().type(text);
        page.keyboard().press("Enter");
    }

    /** Monaco keeps Tab for indenting until Ctrl+M makes it move the focus, and back. */
    private void toggleTabMode(Page page) {
        page.keyboard().press("Control+M");
        tabLeavesEditor = !tabLeavesEditor;
    }

    /** Presses Tab until the condition on the focused element holds: at most 500 times, for a long workspace list. */
    private static void tabUntil(Page page, String condition) {
        for (int presses = 0; presses < 500; presses++) {
            if (Boolean.TRUE.equals(page.evaluate("() => " + condition))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached the element where " + condition);
    }

    private void audit(Page page) {
        violations.addAll(Accessibility.seriousViolations(page));
    }
}
