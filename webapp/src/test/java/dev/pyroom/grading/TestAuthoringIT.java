package dev.pyroom.grading;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An instructor writes an assignment's tests on its tests page; nobody else reaches that page. */
class TestAuthoringIT extends BrowserTest {

    /** Leading newline, indentation, trailing spaces and a blank last line: all of it is the expected output. */
    private static final String EXPECTED = "\n  5  \n\n";

    private static final String UNIT_TEST =
            "from solution import add\n\ndef test_negative():\n" + "    assert add(-2, 2) == 0\n";

    @Test
    void instructorWritesVisibleAndHiddenTestsThatOnlyTheCoursesInstructorsCanOpen() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Graded " + tag);
        String coursePath = instructor.url().substring(base().toString().length());
        Page student = signedIn("student", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Graded " + tag);
        publish(instructor, "Sums " + tag, "Starter " + tag);

        Locator testsLink = instructor
                .locator("[id='assignments:list'] tr", new Page.LocatorOptions().setHasText("Sums " + tag))
                .locator(".tests-link");
        assertThat(testsLink).hasText("Tests: none yet");
        testsLink.click();
        assertThat(instructor.locator("h1")).hasText("Tests of Sums " + tag);
        String testsUrl = instructor.url();

        instructor.locator("[id='tests:addIo']").click();
        Locator io = card(instructor, 0);
        field(io, "Name").fill("adds <two> numbers");
        field(io, "Points").fill("2");
        field(io, "Time limit (seconds)").fill("1.5");
        field(io, "Command-line arguments (one per line)").fill("--verbose");
        field(io, "Input (stdin)").fill("2 3\n");
        field(io, "Expected output").fill(EXPECTED);
        field(io, "Compare output").selectOption(new SelectOption().setLabel("Exactly"));
        assertThat(io.locator(".comparison-help")).containsText("Every character must match");
        assertThat(field(io, "Tolerance")).hasCount(0);

        instructor.locator("[id='tests:addUnit']").click();
        Locator unit = card(instructor, 1);
        assertThat(unit.locator(".monaco-editor .view-lines")).containsText("def test_add():");
        field(unit, "Name").fill("add is pure");
        field(unit, "Points").fill("3");
        field(unit, "Students see")
                .selectOption(new SelectOption().setLabel("hidden: only its name and whether it passed"));
        replaceCode(instructor, UNIT_TEST);
        assertThat(unit.locator(".monaco-editor .view-lines")).containsText("add(-2, 2) == 0");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Saved 2 tests worth 5 points.");

        instructor.reload();
        io = card(instructor, 0);
        unit = card(instructor, 1);
        assertThat(io.locator(".test-name")).hasText("adds <two> numbers");
        assertThat(io.locator(".test-summary")).hasText("I/O test · 2 points · 1.5 s · visible");
        assertEquals(EXPECTED, field(io, "Expected output").inputValue());
        assertEquals("2 3\n", field(io, "Input (stdin)").inputValue());
        assertEquals(
                "--verbose", field(io, "Command-line arguments (one per line)").inputValue());
        assertEquals("EXACT", field(io, "Compare output").inputValue());
        assertThat(unit.locator(".test-summary")).hasText("Unit test · 3 points · 2 s · hidden");
        assertThat(unit.locator(".monaco-editor .view-lines")).containsText("def test_negative():");
        assertThat(unit.locator(".monaco-editor .view-lines")).containsText("add(-2, 2) == 0");

        // The tolerance belongs to the numeric comparison alone.
        field(io, "Compare output").selectOption(new SelectOption().setLabel("Numbers within a tolerance"));
        assertThat(field(io, "Tolerance")).isVisible();
        field(io, "Compare output").selectOption(new SelectOption().setLabel("Regular expression"));
        assertThat(field(io, "Tolerance")).hasCount(0);
        assertThat(io.locator(".comparison-help")).containsText("regular expression");

        // A broken regular expression is refused, and everything typed stays on the page.
        field(io, "Expected output").fill("Sum: (\\d+");
        field(io, "Points").fill("4");
        field(unit, "Name").fill("add handles negatives");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']"))
                .containsText("Test 1 (adds <two> numbers): The expected output is not a valid regular expression");
        assertEquals("Sum: (\\d+", field(io, "Expected output").inputValue());
        assertEquals("4", field(io, "Points").inputValue());
        assertEquals("REGEX", field(io, "Compare output").inputValue());
        assertEquals("add handles negatives", field(unit, "Name").inputValue());
        assertThat(unit.locator(".monaco-editor .view-lines")).containsText("def test_negative():");

        field(io, "Expected output").fill("\\s*5\\s*");
        unit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move test 2 up"))
                .click();
        assertThat(card(instructor, 0).locator(".test-name")).hasText("add handles negatives");
        card(instructor, 1)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete test 2"))
                .click();
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Removed \"adds <two> numbers\"");
        assertThat(instructor.locator(".test-card")).hasCount(1);
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Saved 1 test worth 3 points.");

        instructor.reload();
        assertThat(instructor.locator(".test-card")).hasCount(1);
        assertThat(card(instructor, 0).locator(".test-name")).hasText("add handles negatives");
        instructor.navigate(base() + coursePath);
        assertThat(instructor
                        .locator("[id='assignments:list'] tr", new Page.LocatorOptions().setHasText("Sums " + tag))
                        .locator(".tests-link"))
                .hasText("Tests: 1 test · 3 points");

        assertEquals(403, student.navigate(testsUrl).status());
        assertThat(student.locator(".test-card")).hasCount(0);
        Page otherInstructor = signedIn("instructor2", "instructor/index.xhtml");
        assertEquals(404, otherInstructor.navigate(testsUrl).status());
        assertThat(otherInstructor.locator(".test-card")).hasCount(0);
        String noSuchAssignment = testsUrl.replaceAll("assignment=\\d+", "assignment=" + Long.MAX_VALUE);
        assertEquals(404, instructor.navigate(noSuchAssignment).status());
    }

    private static Locator card(Page page, int index) {
        return page.locator(".test-card").nth(index);
    }

    private static Locator field(Locator card, String label) {
        return card.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }
}
