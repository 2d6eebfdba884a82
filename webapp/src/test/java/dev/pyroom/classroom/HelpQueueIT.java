package dev.pyroom.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Raised hands end to end: students ask for help from the editor, the course's instructors work through the queue,
 * and nobody outside the course reaches any of it.
 */
class HelpQueueIT extends BrowserTest {

    /** The queue and the student's place refresh every 3 s; the editor's scripts take a while on a busy machine. */
    private static final LocatorAssertions.ContainsTextOptions LIVE =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    private static final LocatorAssertions.HasTextOptions LIVE_TEXT =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    private static final LocatorAssertions.HasCountOptions LIVE_COUNT =
            new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    @Test
    void aStudentStuckOnAnErrorAsksForHelpAndTheInstructorsAnswerInTurnFromTheCockpit() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // A co-instructor is added by user name, which Pyroom knows once they have signed in.
        Page coInstructor = signedIn("instructor2", "instructor/index.xhtml");
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Help " + tag);
        instructor.locator("[id='roster:newInstructor']").fill("instructor2");
        instructor.locator("[id='roster:addInstructor']").click();
        assertThat(instructor.locator("[id='roster:members']")).containsText("instructor2");
        Page sam = join("student", code, "Help " + tag);
        Page alex = join("student2", code, "Help " + tag);
        publish(instructor, "Lab " + tag, "Starter " + tag);
        instructor.locator("#cockpit-link").click();
        String cockpitPath = instructor.url().substring(base().toString().length());
        assertThat(instructor.locator("h1")).containsText("Cockpit: Help " + tag);
        assertThat(instructor.locator("[id='help:queue']")).containsText("Nobody is waiting for help.");
        assertThat(instructor.locator(".student-card")).hasCount(2);

        openCopy(sam, "Lab " + tag);
        replaceCode(sam, "greeting = 'hi'\nprint(greting)\n");
        assertThat(sam.locator("#save-state")).hasText("Saved");
        sam.locator("[id$=':run']").click();
        assertThat(sam.locator("#output")).containsText("NameError", LIVE);
        // The cockpit shows the run once it is stored: what the request will carry.
        Locator samCard = card(instructor, "Sam Student");
        assertThat(samCard.locator(".card-error-name")).hasText("NameError", LIVE_TEXT);
        assertThat(samCard.locator(".card-status")).hasText("error");

        ask(sam, "Why is greting not defined?");
        assertThat(sam.locator("#help-place")).hasText("You are 1st in line.");
        openCopy(alex, "Lab " + tag);
        ask(alex, "");
        assertThat(alex.locator("#help-place")).hasText("You are 2nd in line.");

        Locator samRequest = request(instructor, "Sam Student");
        assertThat(instructor.locator("[id='help:queue'] .help-item")).hasCount(2, LIVE_COUNT);
        assertThat(instructor.locator(".student-card.needs-help")).hasCount(2, LIVE_COUNT);
        assertThat(instructor.locator(".student-card .card-name").first()).hasText("Sam Student");
        assertThat(samCard.locator(".card-help")).containsText("needs help, waiting");
        instructor.locator("[id='cockpit:search']").pressSequentially("alex");
        assertThat(instructor.locator(".student-card")).hasCount(1, LIVE_COUNT);
        assertThat(instructor.locator(".student-card .card-name")).hasText("Alex Second");
        instructor.locator("[id='cockpit:search']").clear();
        instructor.locator("[id='cockpit:search']").press("Backspace");
        assertThat(instructor.locator(".student-card")).hasCount(2, LIVE_COUNT);
        Locator nameError =
                instructor.locator(".class-error", new Page.LocatorOptions().setHasText("NameError (when run)"));
        assertThat(nameError).containsText("1 student", LIVE);
        nameError.click();
        assertThat(instructor.locator(".class-error-chosen")).containsText("NameError (when run)");
        assertThat(instructor.locator(".student-card")).hasCount(1, LIVE_COUNT);
        assertThat(instructor.locator(".student-card .card-name")).hasText("Sam Student");
        instructor.locator("[id='cockpit:showEveryone']").click();
        assertThat(instructor.locator(".student-card")).hasCount(2, LIVE_COUNT);
        assertThat(instructor.locator("[id='help:queue'] .help-student").first())
                .hasText("Sam Student");
        assertThat(samRequest.locator(".help-error"))
                .hasText("NameError: name 'greting' is not defined. Did you mean: 'greeting'?");
        assertThat(samRequest.locator(".help-note")).hasText("Why is greting not defined?");
        assertThat(samRequest.locator(".help-file")).hasText("main.py");
        assertThat(samRequest.locator(".help-waiting")).containsText("waiting");
        assertThat(request(instructor, "Alex Second").locator(".help-note")).hasCount(0);

        samRequest.locator(".help-answer").click();
        assertThat(samRequest.locator(".help-answerer")).hasText("Ines Instructor is answering");
        assertThat(sam.locator("#help-place")).hasText("Ines Instructor is coming to help you.", LIVE_TEXT);
        coInstructor.navigate(base() + cockpitPath);
        assertThat(request(coInstructor, "Sam Student").locator(".help-answerer"))
                .hasText("Ines Instructor is answering");
        assertThat(request(coInstructor, "Alex Second").locator(".help-answerer"))
                .hasCount(0);

        // The queue is redrawn every few seconds, under the pointer: follow the link's address instead.
        String liveView = samRequest.locator(".help-open").getAttribute("href");
        instructor.navigate(base() + liveView.replaceFirst("^/", ""));
        assertThat(instructor.locator(".file-content").first()).containsText("print(greting)");
        assertThat(instructor.locator("#last-run-output")).containsText("NameError");
        instructor.locator("[id$=':replay']").click();
        assertThat(instructor.locator("#history-content")).containsText("print(greting)");
        assertThat(instructor.locator("#history-run")).hasText("NameError");
        instructor.navigate(base() + cockpitPath);
        request(instructor, "Sam Student").locator(".help-done").click();
        assertThat(request(instructor, "Sam Student")).hasCount(0);
        assertThat(request(coInstructor, "Sam Student")).hasCount(0, LIVE_COUNT);
        assertThat(sam.locator("#help-place")).hasText("Your request is closed.", LIVE_TEXT);
        assertThat(samCard.locator(".card-help")).hasCount(0, LIVE_COUNT);
        assertThat(sam.locator(".help-ask")).isVisible();
        assertThat(alex.locator("#help-place")).hasText("You are 1st in line.", LIVE_TEXT);

        alex.locator(".help-cancel").click();
        assertThat(alex.locator("#help-place")).hasText("Request cancelled.");
        assertThat(instructor.locator("[id='help:queue']")).containsText("Nobody is waiting for help.", LIVE);
        alex.reload();
        assertThat(alex.locator(".help-ask")).isVisible();
        assertThat(alex.locator("#help-place")).isHidden();
    }

    @Test
    void aStudentOfAnotherCourseAndAnInstructorNotTeachingItAreRefusedEveryView() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String otherCode = createCourse(instructor, "Other " + tag);
        instructor.navigate(base() + "my/workspaces.xhtml");
        String code = createCourse(instructor, "Private " + tag);
        String courseUrl = instructor.url();
        String courseId = courseUrl.replaceAll(".*course=(\\d+).*", "$1");
        Page sam = join("student", code, "Private " + tag);
        Page alex = join("student2", otherCode, "Other " + tag);
        publish(instructor, "Homework " + tag, "Starter " + tag);
        Locator openCode = instructor.locator("[id='live:students'] .open-code");
        assertThat(openCode).hasCount(1, LIVE_COUNT);
        String liveViewUrl = base() + openCode.getAttribute("href").replaceFirst("^/", "");
        String workspaceId = liveViewUrl.replaceAll(".*workspace=(\\d+).*", "$1");

        // Sam asks through the API the editor uses; asking again keeps the one open request.
        String helpUrl = base() + "api/workspaces/" + workspaceId + "/help-request";
        APIResponse asked = post(sam.request(), helpUrl, "{\"file\": \"main.py\", \"note\": \"stuck\"}");
        assertEquals(200, asked.status(), asked.text());
        assertTrue(asked.text().contains("You are 1st in line."), asked.text());
        assertTrue(post(sam.request(), helpUrl, "{}").text().contains("You are 1st in line."));
        Locator samRequest = request(instructor, "Sam Student");
        assertThat(samRequest.locator(".help-note")).hasText("stuck", LIVE_TEXT);
        String requestId = sam.request().get(helpUrl).text().replaceAll(".*\"requestId\":(\\d+).*", "$1");

        String queueUrl = base() + "api/courses/" + courseId + "/help-requests";
        String answerUrl = queueUrl + "/" + requestId + "/answer";
        String doneUrl = queueUrl + "/" + requestId + "/done";
        Page other = signedIn("instructor2", "instructor/index.xhtml");
        String cockpitUrl = courseUrl.replace("/course.xhtml", "/cockpit.xhtml");
        assertEquals(404, other.navigate(courseUrl).status());
        assertThat(other.locator("[id='help:queue']")).hasCount(0);
        assertEquals(404, other.navigate(cockpitUrl).status());
        assertThat(other.locator(".student-card")).hasCount(0);
        assertEquals(404, other.navigate(liveViewUrl).status());
        assertEquals(404, other.request().get(queueUrl).status());
        assertEquals(404, post(other.request(), answerUrl, "").status());
        assertEquals(404, post(other.request(), doneUrl, "").status());
        assertEquals(404, other.request().get(helpUrl).status());

        assertEquals(403, alex.navigate(courseUrl).status());
        assertEquals(403, alex.navigate(cockpitUrl).status());
        assertEquals(403, alex.navigate(liveViewUrl).status());
        assertFalse(alex.content().contains("stuck"));
        assertEquals(403, alex.request().get(queueUrl).status());
        assertEquals(403, post(alex.request(), answerUrl, "").status());
        assertEquals(403, post(alex.request(), doneUrl, "").status());
        assertEquals(404, alex.request().get(helpUrl).status());
        assertEquals(
                404, post(alex.request(), helpUrl, "{\"note\": \"me too\"}").status());
        assertEquals(404, alex.request().delete(helpUrl).status());

        // Nothing the refused calls tried changed the request: still open, still unanswered.
        APIResponse queue = instructor.request().get(queueUrl);
        assertEquals(200, queue.status());
        assertTrue(queue.text().contains("\"note\":\"stuck\""), queue.text());
        assertFalse(queue.text().contains("answeredBy"), queue.text());
        assertEquals(204, post(instructor.request(), doneUrl, "").status());
        assertEquals(404, post(instructor.request(), doneUrl, "").status());
        assertTrue(sam.request().get(helpUrl).text().contains("\"open\":false"));

        Page admin = signedIn("admin", "admin/index.xhtml");
        admin.locator("[id$=':target']").fill("help request " + requestId);
        admin.locator("[id$=':filter']").click();
        Locator audit = admin.locator("[id$=':audit'] tbody");
        assertThat(audit).containsText("help.ask");
        assertThat(audit).containsText("help.done");
        assertThat(audit).containsText("Private " + tag);
    }

    private static Locator card(Page instructor, String student) {
        return instructor.locator(".student-card", new Page.LocatorOptions().setHasText(student));
    }

    private static Locator request(Page instructor, String student) {
        return instructor.locator("[id='help:queue'] .help-item", new Page.LocatorOptions().setHasText(student));
    }

    /** Ask for help in the open editor, with a note when there is one. */
    private static void ask(Page student, String note) {
        student.locator(".help-ask").click();
        student.locator("#help-note").fill(note);
        student.locator(".help-send").click();
    }

    private static APIResponse post(APIRequestContext request, String url, String json) {
        return request.post(
                url,
                RequestOptions.create()
                        .setHeader("Content-Type", "application/json")
                        .setData(json));
    }

    private Page join(String student, String code, String course) {
        Page page = signedIn(student, "my/courses.xhtml?code=" + code);
        assertThat(page.locator("[id$=':messages']")).containsText("You are in " + course);
        return page;
    }

    private void openCopy(Page student, String assignment) {
        student.navigate(base() + "my/workspaces.xhtml");
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(assignment).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", LIVE);
        assertThat(student.locator(".help-ask")).isVisible();
    }
}
