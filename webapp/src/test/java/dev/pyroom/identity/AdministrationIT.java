package dev.pyroom.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An admin looks after the server: who may use it, with which roles, and what was done. */
class AdministrationIT extends BrowserTest {

    /** The editor's scripts take a while to start on a busy machine, and a run waits for its limit. */
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    private static final LocatorAssertions.HasTextOptions MEASURED =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @Test
    void adminSeesUsersWithTheirRolesAsKeycloakHoldsThem() {
        Page page = signedIn("admin", "admin/index.xhtml");
        page.locator("#users").click();

        assertThat(userRow(page, "instructor")).containsText("instructor");
        assertThat(userRow(page, "student2")).containsText("student");
        assertThat(userRow(page, "admin")).containsText("admin");
        assertThat(userRow(page, "admin")).not().containsText("never");

        page.locator("[id$=':search']").fill("student2");
        page.locator("[id$=':find']").click();

        assertThat(page.locator("[id$=':table'] tbody tr")).hasCount(1);
        assertThat(userRow(page, "student2")).containsText("student2@pyroom.example");
    }

    @Test
    void adminFindsWhatAStudentDidByFilteringTheAuditLog() {
        String name = "Filtered " + UUID.randomUUID().toString().substring(0, 8);
        Page student = signedIn("student2", "my/workspaces.xhtml");
        WorkspaceForm.submit(student, name);
        assertThat(student.locator("tr", new Page.LocatorOptions().setHasText(name)))
                .isVisible();

        Page admin = signedIn("admin", "admin/index.xhtml");
        admin.locator("[id$=':actor']").fill("student2");
        admin.locator("[id$=':target']").fill(name);
        admin.locator("[id$=':filter']").click();

        Locator rows = admin.locator("[id$=':audit'] tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows).containsText("workspace.create");

        admin.locator("[id$=':actor']").fill("student");
        admin.locator("[id$=':action']").fill("workspace.delete");
        admin.locator("[id$=':filter']").click();

        assertThat(rows).hasText("Nothing recorded matches.");
    }

    @Test
    void studentsAndInstructorsAreRefusedTheAdminPages() {
        Page student = signedIn("student", "my/workspaces.xhtml");
        Page instructor = signedIn("instructor", "instructor/index.xhtml");
        for (String path : List.of("admin/users.xhtml", "admin/limits.xhtml", "admin/sandboxes.xhtml")) {
            assertEquals(403, student.navigate(base() + path).status(), path);
            assertEquals(403, instructor.navigate(base() + path).status(), path);
        }
    }

    @Test
    void adminLowersTheWallTimeMaximumAndCoursesAndRunsAreHeldToIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Limited " + tag);
        String courseUrl = instructor.url();
        saveCourseWallTime(instructor, "8");
        assertThat(instructor.locator("[id='limits:messages']")).containsText("New runs get these limits.");
        Page student = signedIn("student2", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Limited " + tag);
        publish(instructor, "Loop " + tag, "Starter " + tag);

        Page admin = signedIn("admin", "admin/index.xhtml");
        admin.locator("#limits").click();
        try {
            saveMaximumWallTime(admin, "99999");
            assertThat(admin.locator("[id='serverLimits:messages']"))
                    .containsText("Wall time can be at most 10 s in this server's configuration.");
            saveMaximumWallTime(admin, "3");
            assertThat(admin.locator("[id='serverLimits:messages']")).containsText("Runs started from now on");

            instructor.navigate(courseUrl);
            assertThat(instructor.locator("[id='limits']")).containsText("at most 3");
            saveCourseWallTime(instructor, "5");
            assertThat(instructor.locator("[id='limits:messages']"))
                    .containsText("Wall time can be at most 3 s on this server.");

            student.navigate(base() + "my/workspaces.xhtml");
            student.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Loop " + tag).setExact(true))
                    .click();
            assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", SLOW);
            replaceCode(student, "while True:\n    pass\n");
            assertThat(student.locator("#save-state")).hasText("Saved");
            student.locator("[id$=':run']").click();
            assertThat(student.locator("#output")).containsText("Stopped: time limit 3 s.", SLOW);
        } finally {
            admin.navigate(base() + "admin/limits.xhtml");
            saveMaximumWallTime(admin, "");
        }
        assertThat(admin.locator("[id='serverLimits:messages']")).containsText("Runs started from now on");
    }

    @Test
    void adminSeesEverySandboxWithWhatItUsesAndEndsOne() {
        String name = "Busy " + UUID.randomUUID().toString().substring(0, 6);
        Page admin = signedIn("admin", "admin/index.xhtml");
        admin.locator("#sandboxes").click();
        Page student = editorOfNewWorkspace("student2", name);
        replaceCode(student, "input('holding> ')\n");
        assertThat(student.locator("#save-state")).hasText("Saved");
        student.locator("[id$=':run']").click();
        assertThat(student.locator("#output")).containsText("holding>", SLOW);

        // The node holding the sandbox measures it every few seconds; the page refreshes itself.
        Locator row = admin.locator("[id$=':table'] tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("student2", SLOW);
        assertThat(row.locator(".memory")).hasText(Pattern.compile("^[0-9]+ MiB$"), MEASURED);
        assertThat(row.locator(".cpu")).hasText(Pattern.compile("^[0-9]+ %$"));
        assertThat(row.locator(".state")).hasText(Pattern.compile("^(running|idle)$"));

        row.locator("[id$=':end']").click();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End it"))
                .click();
        assertThat(admin.locator("[id$=':messages']")).containsText("Ending the sandbox of student2");
        assertThat(row).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(student.locator("#output")).containsText("Stopped", SLOW);

        replaceCode(student, "print('a fresh sandbox')\n");
        assertThat(student.locator("#save-state")).hasText("Saved");
        student.locator("[id$=':run']").click();
        assertThat(student.locator("#output")).containsText("a fresh sandbox", SLOW);
    }

    @Test
    void theEditorOpensItsWorkspacesSandboxBeforeTheFirstRun() {
        String name = "Ready " + UUID.randomUUID().toString().substring(0, 6);
        Page admin = signedIn("admin", "admin/index.xhtml");
        admin.locator("#sandboxes").click();
        Page student = editorOfNewWorkspace("student2", name);

        // Nothing was run: the sandbox is there because the editor opened.
        Locator row = admin.locator("[id$=':table'] tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("student2", SLOW);
        assertThat(row.locator(".state")).hasText("idle");

        student.locator("[id$=':run']").click();
        assertThat(student.locator("#output")).containsText("Hello, Pyroom!", SLOW);
    }

    /** The user's editor on a workspace made for the test, loaded. */
    private Page editorOfNewWorkspace(String user, String name) {
        Page student = signedIn(user, "my/workspaces.xhtml");
        WorkspaceForm.create(student, name);
        student.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", SLOW);
        return student;
    }

    private static void saveCourseWallTime(Page instructor, String seconds) {
        instructor.locator("input[id='limits:wall']").fill(seconds);
        instructor.locator("[id='limits:saveLimits']").click();
    }

    private static void saveMaximumWallTime(Page admin, String seconds) {
        admin.locator("input[id='serverLimits:maxWall']").fill(seconds);
        admin.locator("[id='serverLimits:save']").click();
    }

    /**
     * The row whose first cell ends with the username: PrimeFaces puts the column title before it. The pattern runs as a
     * JavaScript regular expression, so no {@code Pattern.quote}.
     */
    private static Locator userRow(Page page, String username) {
        return page.locator("[id$=':table'] tbody tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator(
                                "td:first-child",
                                new Page.LocatorOptions().setHasText(Pattern.compile(username + "$")))));
    }
}
