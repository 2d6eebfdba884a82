package dev.pyroom.grading;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The instructor's side of grading: the due date passes, the snapshots are graded on their own, the instructor reads
 * the gradebook and a student's results, corrects a test, re-grades, and exports the grades.
 */
class GradebookIT extends BrowserTest {

    /** Grading runs in sandboxes, one snapshot after another, on a busy machine. */
    private static final LocatorAssertions.ContainsTextOptions GRADING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(120_000);

    private static final LocatorAssertions.HasTextOptions REGRADED =
            new LocatorAssertions.HasTextOptions().setTimeout(120_000);

    private static final String DOUBLES = "n = int(input())\nprint(n * 2)\n";
    private static final String UNCLOSED = "n = int(input()\nprint(n * 2)\n";

    @Test
    void theDueDateSnapshotIsGradedAndTheInstructorCorrectsATestReGradesAndExports() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Doubling " + tag;
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        String code = createCourse(instructor, "Grades " + tag);
        long courseId = Long.parseLong(instructor.url().replaceAll(".*course=(\\d+).*", "$1"));
        Page sam = join("student", code, tag);
        // Two of the realm's students: a third would be signed in for good, which other tests expect it never was.
        join("student2", code, tag);
        publish(instructor, title, "Starter " + tag);

        GradingData.addIoTest(title, "doubles two", 1, true, "2\n", "4");
        // The instructor's slip: twice five is not eleven.
        GradingData.addIoTest(title, "doubles five", 2, false, "5\n", "11");
        GradingData.setMainFile(title, "student", DOUBLES);
        GradingData.setMainFile(title, "student2", UNCLOSED);

        instructor.locator("#gradebook-link").click();
        assertThat(instructor.locator("h1")).hasText("Gradebook: Grades " + tag);
        assertThat(instructor.locator("[id='gradebook:grades'] thead")).containsText(title);
        assertThat(grade(instructor, "Sam Student")).hasText("not graded yet");
        assertThat(instructor.locator(".last-graded")).hasText("Not graded yet.");

        GradingData.makeDue(title);
        waitForGrades(instructor);
        assertThat(grade(instructor, "Sam Student")).hasText("1 / 3");
        assertThat(grade(instructor, "Alex Second")).hasText("0 / 3");
        assertThat(row(instructor, "Alex Second").locator(".grade-mark")).hasText("did not compile");
        assertThat(rateRow(instructor, 0)).containsText("doubles five");
        assertThat(rateRow(instructor, 0)).containsText("0 of 2");
        assertThat(rateRow(instructor, 1)).containsText("doubles two");
        assertThat(rateRow(instructor, 1)).containsText("1 of 2");
        // Which test the class fails most: the pass rates sort.
        sortBy(instructor, "[id^='gradebook:rates_']", "Pass rate", "ascending");
        assertThat(rateRow(instructor, 0)).containsText("doubles five");
        sortBy(instructor, "[id^='gradebook:rates_']", "Pass rate", "descending");
        assertThat(rateRow(instructor, 0)).containsText("doubles two");
        String firstGrading = instructor.locator(".last-graded").textContent().strip();
        assertTrue(firstGrading.startsWith("Last graded"), firstGrading);

        // Sam's results, the hidden test in full: the test expected 11 where Sam's program rightly printed 10.
        String gradebookUrl = instructor.url();
        grade(instructor, "Sam Student").click();
        assertThat(instructor.locator("h1")).hasText("Snapshot at the due date");
        assertThat(instructor.locator("#grade-summary")).containsText("1 / 3 points, 1 of 2 tests passed");
        Locator hidden = resultRow(instructor, "doubles five");
        assertThat(hidden).containsText("(hidden)");
        assertThat(hidden.locator(".test-points")).hasText("0 / 2");
        assertThat(hidden.locator(".test-outcome")).hasText("failed");
        assertThat(hidden.locator(".test-message")).containsText("differs from the expected line");
        assertThat(hidden.locator(".test-expected")).hasText("11");
        assertThat(hidden.locator(".test-actual")).containsText("10");
        assertThat(resultRow(instructor, "doubles two").locator(".test-outcome"))
                .hasText("passed");
        assertThat(instructor.locator(".file-content")).containsText("print(n * 2)");

        GradingData.setExpectedOutput(title, "doubles five", "10");
        instructor.navigate(gradebookUrl);
        instructor.locator(".regrade").click();
        assertThat(instructor.locator("[id='gradebook:messages']")).containsText("Re-grading " + title);
        assertThat(instructor.locator(".grading-progress")).containsText("100% graded", GRADING);
        assertThat(grade(instructor, "Sam Student")).hasText("3 / 3", REGRADED);
        assertThat(grade(instructor, "Alex Second")).hasText("0 / 3");
        assertThat(row(instructor, "Alex Second").locator(".grade-mark")).hasText("did not compile");
        assertNotEquals(
                firstGrading, instructor.locator(".last-graded").textContent().strip());
        Locator five = instructor.locator(
                "[id^='gradebook:rates_'] tbody tr", new Page.LocatorOptions().setHasText("doubles five"));
        assertThat(five.locator(".passed")).hasText("1 of 2");
        assertThat(five.locator(".rate")).hasText("50%");

        // Who did best: the grades sort by each assignment and by name.
        sortBy(instructor, "[id='gradebook:grades']", title, "ascending");
        assertThat(gradeRow(instructor, 0)).containsText("Alex Second");
        sortBy(instructor, "[id='gradebook:grades']", title, "descending");
        assertThat(gradeRow(instructor, 0)).containsText("Sam Student");
        sortBy(instructor, "[id='gradebook:grades']", "Student", "ascending");
        assertThat(gradeRow(instructor, 0)).containsText("Alex Second");

        Download download =
                instructor.waitForDownload(() -> instructor.locator("#csv").click());
        assertEquals("gradebook-Grades-" + tag + ".csv", download.suggestedFilename());
        assertEquals(
                "\uFEFFstudent," + title + " score," + title + " max,total\r\n"
                        + "Alex Second,0,3,0\r\n"
                        + "Sam Student,3,3,3\r\n",
                Files.readString(download.path(), StandardCharsets.UTF_8));
        String csvUrl = base() + "instructor/gradebook.csv?course=" + courseId;
        APIResponse csv = instructor.request().get(csvUrl);
        assertEquals(
                "text/csv;charset=utf-8",
                csv.headers().get("content-type").replace(" ", "").toLowerCase());

        assertEquals(403, sam.navigate(gradebookUrl).status());
        assertEquals(403, sam.request().get(csvUrl).status());
        Page other = signedIn("instructor2", "instructor/index.xhtml");
        assertEquals(404, other.navigate(gradebookUrl).status());
        assertEquals(404, other.request().get(csvUrl).status());
    }

    private Page join(String student, String code, String tag) {
        Page page = signedIn(student, "my/courses.xhtml?code=" + code);
        assertThat(page.locator("[id$=':messages']")).containsText("You are in Grades " + tag);
        return page;
    }

    /**
     * Looks at the gradebook again every few seconds until every snapshot is graded: the snapshot job runs once a
     * minute, and grading follows it.
     */
    private static void waitForGrades(Page instructor) {
        for (int look = 0; look < 60 && instructor.getByText("not graded yet").count() > 0; look++) {
            instructor.waitForTimeout(3_000);
            instructor.reload();
            instructor.locator("[id='gradebook:grades']").waitFor();
        }
    }

    private static Locator row(Page instructor, String student) {
        return instructor.locator("[id='gradebook:grades'] tbody tr", new Page.LocatorOptions().setHasText(student));
    }

    private static Locator grade(Page instructor, String student) {
        return row(instructor, student).locator(".grade").first();
    }

    private static Locator gradeRow(Page instructor, int index) {
        return instructor.locator("[id='gradebook:grades'] tbody tr").nth(index);
    }

    private static Locator rateRow(Page instructor, int index) {
        return instructor.locator("[id^='gradebook:rates_'] tbody tr").nth(index);
    }

    private static Locator resultRow(Page instructor, String test) {
        return instructor.locator("[id='results'] tbody tr", new Page.LocatorOptions().setHasText(test));
    }

    /** Clicks a column's header and waits for the sorted rows: a click while they are on their way is not counted. */
    private static void sortBy(Page instructor, String table, String header, String direction) {
        Locator column = instructor
                .locator(table + " thead th", new Page.LocatorOptions().setHasText(header))
                .first();
        column.click();
        assertThat(column).hasAttribute("aria-sort", direction);
    }
}
