package dev.pyroom.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The instructor console end to end: a course, a student in it, the live view, stepping in, who may see what. */
class ConsoleIT extends BrowserTest {

    /**
     * The live view refreshes every few seconds, a student's editor asks for messages every ten, and the editor's
     * scripts take a while to start on a busy machine.
     */
    private static final LocatorAssertions.ContainsTextOptions LIVE =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    @Test
    void instructorImportsARosterPreviewedRowByRowAndImportingItAgainChangesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page known = signedIn("student2", "my/courses.xhtml");
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        createCourse(instructor, "Roster " + tag);
        String roster = "Username;Name\nstudent2;Alex\nstudent3@pyroom.example;Casey\nnobody-" + tag
                + "\nnot a name!\nSTUDENT2\n";

        instructor.locator("[id='rosterImport:list']").fill(roster);
        instructor.locator("[id='rosterImport:preview']").click();

        assertThat(instructor.locator("[id='rosterImport:messages']"))
                .containsText("Nothing has changed yet. 1 to enroll, 1 to invite");
        assertThat(rosterRow(instructor, 2)).containsText("will be enrolled");
        assertThat(rosterRow(instructor, 3)).containsText("will be enrolled at their first sign-in");
        assertThat(rosterRow(instructor, 3)).containsText("student3");
        assertThat(rosterRow(instructor, 4)).containsText("no such user in Keycloak");
        assertThat(rosterRow(instructor, 5)).containsText("not a username or an email address");
        assertThat(rosterRow(instructor, 6)).containsText("also on row 2");
        assertThat(instructor.locator("[id='roster:members']")).not().containsText("student2");

        instructor.locator("[id='rosterImport:import']").click();
        assertThat(instructor.locator("[id='rosterImport:messages']")).containsText("Imported. 1 enrolled, 1 invited");
        assertThat(instructor.locator("[id='roster:members']")).containsText("student2");
        known.reload();
        assertThat(known.locator(".course-name", new Page.LocatorOptions().setHasText("Roster " + tag)))
                .isVisible();

        instructor.locator("[id='rosterImport:preview']").click();
        assertThat(instructor.locator("[id='rosterImport:messages']"))
                .containsText(
                        "0 to enroll, 0 to invite (they join at their first sign-in), 2 already in, 3 rows refused.");
        assertThat(instructor.locator("[id='rosterImport:import']")).hasCount(0);

        Page newcomer = signedIn("student3", "my/courses.xhtml");
        assertThat(newcomer.locator(".course-name", new Page.LocatorOptions().setHasText("Roster " + tag)))
                .isVisible();
        instructor.reload();
        assertThat(instructor.locator("[id='roster:members']")).containsText("student3");
    }

    @Test
    void coInstructorRunsTheCourseItsDueDateKeepsASnapshotAndAdminsSeeEveryCourse() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        signedIn("instructor2", "instructor/index.xhtml");
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Team " + tag);
        String coursePath = instructor.url().substring(base().toString().length());
        instructor.locator("[id='roster:newInstructor']").fill("instructor2");
        instructor.locator("[id='roster:addInstructor']").click();
        assertThat(instructor.locator("[id='roster:members']")).containsText("instructor2");
        Page student = signedIn("student", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Team " + tag);

        // Due a minute ago: the snapshot job, which runs every minute, takes it at its next run.
        String due = LocalDateTime.now().minusMinutes(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        instructor.locator("input[id='assignments:due_input']").fill(due);
        instructor.keyboard().press("Escape");
        publish(instructor, "Due " + tag, "Starter " + tag);

        Page coInstructor = signedIn("instructor2", coursePath);
        assertThat(coInstructor.locator("h1")).containsText("Team " + tag);
        openSnapshotWhenTaken(coInstructor, "Due " + tag);
        assertThat(coInstructor.locator("h1")).hasText("Snapshot at the due date");
        assertThat(coInstructor.locator(".file-content")).containsText("Hello, Pyroom!");

        coInstructor.navigate(base() + coursePath);
        coInstructor
                .locator("[id='roster:members'] tr", new Page.LocatorOptions().setHasText("Sam Student"))
                .locator(".remove-student")
                .click();
        assertThat(coInstructor.locator("[id='roster:members']")).not().containsText("Sam Student");
        student.navigate(base() + "my/courses.xhtml");
        assertThat(student.locator(".course-name", new Page.LocatorOptions().setHasText("Team " + tag)))
                .hasCount(0);
        student.navigate(base() + "my/workspaces.xhtml");
        assertThat(student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Due " + tag).setExact(true)))
                .isVisible();

        Page admin = signedIn("admin", "instructor/index.xhtml");
        assertThat(admin.locator("body")).containsText("Team " + tag);
    }

    /** Looks at the assignment's copies again every few seconds until the due-date snapshot is there, and opens it. */
    private void openSnapshotWhenTaken(Page instructor, String assignment) {
        Locator open = instructor.locator("[id='assignments:copies']").getByText("open snapshot");
        for (int look = 0; look < 50 && open.count() == 0; look++) {
            instructor.waitForTimeout(3_000);
            instructor.reload();
            instructor
                    .locator(
                            "[id='assignments:list'] .assignment-title",
                            new Page.LocatorOptions().setHasText(assignment))
                    .click();
            instructor.locator("[id='assignments:copies']").waitFor();
        }
        open.click();
    }

    private static Locator rosterRow(Page instructor, int row) {
        return instructor.locator("[id='rosterImport:entries'] tbody tr").nth(row - 2);
    }

    @Test
    void instructorWatchesAStudentWorkOnAnAssignmentAndStepsIn() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Python " + tag);

        Page student = signedIn("student", "my/courses.xhtml");
        student.locator("input[id$=':code']").fill(code);
        student.locator("[id$=':join']").click();
        assertThat(student.locator(".course-name", new Page.LocatorOptions().setHasText("Python " + tag)))
                .isVisible();

        publish(instructor, "Lab " + tag, "Starter " + tag);
        instructor.evaluate("() => window.stillTheSamePage = true");

        student.navigate(base() + "my/workspaces.xhtml");
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Lab " + tag).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", LIVE);
        replaceCode(student, "greeting = 'hi'\nprint(greting)\n");
        assertThat(student.locator("#save-state")).hasText("Saved");
        student.locator("[id$=':run']").click();
        assertThat(student.locator("#output")).containsText("NameError");

        Locator row =
                instructor.locator("[id='live:students'] tr", new Page.LocatorOptions().setHasText("Sam Student"));
        assertThat(row.locator(".last-run")).containsText("NameError", LIVE);
        assertThat(row.locator(".top-error")).containsText("greting", LIVE);
        assertThat(row.locator(".online")).containsText("online", LIVE);
        assertThat(instructor.locator(".common-problem")).containsText("1 student: NameError in main.py", LIVE);
        assertEquals(true, instructor.evaluate("() => window.stillTheSamePage === true"));

        // The live table is redrawn every few seconds, under the pointer: follow the link's address instead.
        instructor.navigate(
                base() + row.locator(".open-code").getAttribute("href").replaceFirst("^/", ""));
        assertThat(instructor.locator(".file-content").first()).containsText("print(greting)");
        assertThat(instructor.locator("#last-run-output")).containsText("NameError");
        replaceCode(student, "print('a new edit', flush=True)\nwhile True:\n    pass\n");
        assertThat(student.locator("#save-state")).hasText("Saved");
        assertThat(instructor.locator(".file-content").first()).containsText("a new edit", LIVE);

        student.locator("[id$=':run']").click();
        assertThat(student.locator("#output")).containsText("a new edit", LIVE);
        assertThat(instructor.locator("#sandbox-state")).containsText("running", LIVE);
        instructor.locator("[id$=':stopRun']").click();
        assertThat(instructor.locator("[id$=':messages']")).containsText("Stopping the student's program.");
        assertThat(student.locator("#output")).containsText("Stopped.");

        instructor.locator("[id$=':replay']").click();
        assertThat(instructor.locator("#history-content")).containsText("a new edit");
        instructor.locator("[id$=':earlier']").click();
        assertThat(instructor.locator("#history-content")).hasText("greeting = 'hi'\nprint(greting)\n");
        assertThat(instructor.locator("#history-run")).hasText("NameError");
        assertThat(instructor.locator("#history-lint")).containsText("greting");
        instructor
                .locator("a", new Page.LocatorOptions().setHasText("Back to the live view"))
                .click();
        instructor
                .locator("a", new Page.LocatorOptions().setHasText("Back to the class"))
                .click();
        String message = "Look at line 2, everyone " + tag;
        instructor.locator("textarea[id$=':body']").fill(message);
        instructor.locator("[id$=':post']").click();
        assertThat(instructor.locator("[id='message:messages']")).containsText("Message posted");
        assertThat(student.locator(".course-message-body", new Page.LocatorOptions().setHasText(message)))
                .containsText(message, LIVE);
    }

    @Test
    void anotherInstructorAndStudentsCannotReachTheCourse() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Private " + tag);
        String courseUrl = instructor.url();
        String courseId = courseUrl.replaceAll(".*course=(\\d+).*", "$1");
        Page student = signedIn("student2", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Private " + tag);
        publish(instructor, "Homework " + tag, "Starter " + tag);
        Locator openCode = instructor.locator("[id='live:students'] .open-code");
        assertThat(openCode).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        String studentUrl = base() + openCode.getAttribute("href").replaceFirst("^/", "");
        String replayUrl = studentUrl.replace("/student.xhtml", "/history.xhtml");

        instructor.locator("input[id='limits:wall']").fill("99999");
        instructor.locator("[id='limits:saveLimits']").click();
        assertThat(instructor.locator("[id='limits:messages']")).containsText("Wall time can be at most");
        instructor.locator("input[id='limits:wall']").fill("2");
        instructor.locator("[id='limits:saveLimits']").click();
        assertThat(instructor.locator("[id='limits:messages']")).containsText("New runs get these limits.");
        student.navigate(base() + "my/workspaces.xhtml");
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Homework " + tag).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", LIVE);
        replaceCode(student, "while True:\n    pass\n");
        assertThat(student.locator("#save-state")).hasText("Saved");
        student.locator("[id$=':run']").click();
        assertThat(student.locator("#output")).containsText("Stopped: time limit 2 s.", LIVE);

        Page other = signedIn("instructor2", "instructor/index.xhtml");
        assertThat(other.locator("[id='courses:list']")).not().containsText("Private " + tag);
        for (String url : List.of(courseUrl, studentUrl, replayUrl, snapshotUrl(courseId))) {
            assertEquals(404, other.navigate(url).status(), url);
            assertThat(other.locator(".file-content")).hasCount(0);
        }

        List<String> consoleRoutes =
                List.of(base() + "instructor/index.xhtml", courseUrl, studentUrl, replayUrl, snapshotUrl(courseId));
        for (String url : consoleRoutes) {
            assertEquals(403, student.navigate(url).status(), url);
        }
        assertFalse(student.content().contains(code));
        assertTrue(instructor.navigate(studentUrl).ok());

        // Once the student leaves the course, their copy is theirs alone: the instructor can no longer open it.
        instructor.navigate(courseUrl);
        instructor
                .locator("[id='roster:members'] tr", new Page.LocatorOptions().setHasText("Alex Second"))
                .locator(".remove-student")
                .click();
        assertThat(instructor.locator("[id='roster:members']")).not().containsText("Alex Second");
        assertEquals(404, instructor.navigate(studentUrl).status());
        assertThat(instructor.locator(".file-content")).hasCount(0);
        assertEquals(404, instructor.navigate(replayUrl).status());
        assertThat(instructor.locator(".file-content")).hasCount(0);
    }

    private String snapshotUrl(String courseId) {
        return base() + "instructor/snapshot.xhtml?course=" + courseId + "&copy=1";
    }
}
