package dev.pyroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** What an instructor and a student do on the course pages, as a browser does it. */
public final class CourseSteps {

    private CourseSteps() {}

    /** Creates a course on the console's start page and returns its join code. */
    public static String createCourse(Page instructor, String name) {
        instructor
                .locator("a", new Page.LocatorOptions().setHasText("Instructor console"))
                .click();
        instructor.locator("input[id$=':name']").fill(name);
        instructor.locator("input[id$=':term']").fill("Spring 2027");
        instructor.locator("[id$=':create']").click();
        assertThat(instructor).hasURL(Pattern.compile(".*/instructor/course.xhtml\\?course=\\d+"));
        assertThat(instructor.locator("h1")).containsText(name);
        return instructor.locator("#join-code").textContent().strip();
    }

    /** Publishes an assignment copied from one of the instructor's workspaces, on the course page. */
    public static void publish(Page instructor, String title, String sourceWorkspace) {
        submitPublish(instructor, title, sourceWorkspace);
        assertThat(instructor.locator("[id='assignments:messages']")).containsText("Published");
        assertThat(instructor.locator("[id='assignments:list']")).containsText(title);
    }

    /** Fills in and sends the course page's Publish form, whatever the answer. */
    public static void submitPublish(Page instructor, String title, String sourceWorkspace) {
        instructor.locator("input[id='assignments:title']").fill(title);
        // Through the drop-down's own API: clicking its overlay races with the live table's refreshes. The widget
        // exists once the page's scripts have run, which may be after its heading shows.
        instructor.waitForFunction("() => window.PrimeFaces && PrimeFaces.widgets['assignmentSource']");
        instructor.evaluate(
                "label => { const menu = PF('assignmentSource');"
                        + " menu.selectValue([...menu.input[0].options].find(o => o.text === label).value); }",
                sourceWorkspace);
        assertThat(instructor.locator("[id='assignments:source_label']")).hasText(sourceWorkspace);
        instructor.locator("[id='assignments:publish']").click();
    }

    /** Replaces everything in the open editor with the code, as if typed. */
    public static void replaceCode(Page page, String code) {
        Locator editor = page.locator(".monaco-editor textarea");
        editor.focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().insertText(code);
    }
}
