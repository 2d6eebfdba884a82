package dev.pyroom.grading;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.pyroom.BrowserTest;
import dev.pyroom.WorkspaceForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole story of autograding, as an instructor and two students meet it in the browser: the instructor writes a
 * visible and a hidden test, tries them against a reference solution and the students check, fail, read why and fix;
 * the due date passes and the snapshots are graded on their own; the instructor changes a test, re-grades, reads the
 * gradebook and a student's results, and exports the grades.
 */
class GradingStoryIT extends BrowserTest {

    /** Checks, tries and grading run in sandboxes of their own, one after another, on a busy machine. */
    private static final LocatorAssertions.ContainsTextOptions GRADING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(120_000);

    private static final LocatorAssertions.HasTextOptions REGRADED =
            new LocatorAssertions.HasTextOptions().setTimeout(120_000);

    private static final String DOUBLES = "n = int(input())\nprint(n * 2)\n";
    private static final String OFF_BY_ONE = "n = int(input())\nprint(n + n + 1)\n";
    /** Right for two, wrong for five. */
    private static final String ADDS_TWO = "n = int(input())\nprint(n + 2)\n";

    @Test
    void testsAreWrittenTriedCheckedGradedAtTheDueDateCorrectedReGradedAndExported() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Doubling " + tag;
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        WorkspaceForm.create(instructor, "Reference " + tag);
        type(instructor, "Reference " + tag, DOUBLES);
        instructor.navigate(base() + "my/workspaces.xhtml");
        String code = createCourse(instructor, "Grades " + tag);
        long courseId = Long.parseLong(instructor.url().replaceAll(".*course=(\\d+).*", "$1"));
        String coursePath = instructor.url().substring(base().toString().length());
        publish(instructor, title, "Starter " + tag);

        // The instructor writes a visible and a hidden test, and tries them against the reference solution.
        instructor
                .locator("[id='assignments:list'] tr", new Page.LocatorOptions().setHasText(title))
                .locator(".tests-link")
                .click();
        assertThat(instructor.locator("h1")).hasText("Tests of " + title);
        String testsUrl = instructor.url();
        TestsPageSteps.addIoTest(instructor, "doubles two", 1, true, "2\n", "4\n");
        TestsPageSteps.addIoTest(instructor, "doubles five", 2, false, "5\n", "10\n");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Saved 2 tests worth 3 points;");
        TestsPageSteps.tryAgainst(instructor, "Reference " + tag);
        assertThat(instructor.locator("[id='tests:tryResult'] .check-summary"))
                .hasText("Your reference solution passes 2 of 2 tests · 3/3 points.", REGRADED);

        // A student checks, fails, sees the difference for the visible test and only the name of the hidden one.
        Page sam = join("student", code, tag);
        // Two of the realm's students: a third would be signed in for good, which other tests expect it never was.
        Page alex = join("student2", code, tag);
        openCopy(sam, title);
        replaceCode(sam, OFF_BY_ONE);
        sam.locator("[id$=':check']").click();
        Locator report = sam.locator("#check-report");
        assertThat(report.locator(".check-summary")).containsText("0 of 2 tests passed · 0/3 points", GRADING);
        Locator visible = checkedTest(sam, "doubles two");
        assertThat(visible.locator(".test-outcome")).hasText("Failed");
        assertThat(visible.locator(".output-diff tr.differs .diff-expected")).hasText("4");
        assertThat(visible.locator(".output-diff tr.differs .diff-actual")).hasText("5");
        Locator hidden = checkedTest(sam, "doubles five");
        assertThat(hidden.locator(".test-hidden")).hasText("hidden test");
        assertThat(hidden.locator(".test-message")).hasText("This hidden test failed.");
        assertThat(hidden.locator(".output-diff")).hasCount(0);
        String hiddenShown = hidden.textContent();
        assertFalse(hiddenShown.contains("10") || hiddenShown.contains("11"), hiddenShown);
        replaceCode(sam, DOUBLES);
        sam.locator("[id$=':check']").click();
        assertThat(report.locator(".check-summary")).containsText("2 of 2 tests passed · 3/3 points", GRADING);
        openCopy(alex, title);
        replaceCode(alex, ADDS_TWO);
        alex.locator("[id$=':save']").click();
        assertThat(alex.locator("#save-state")).hasText("Saved");

        instructor.navigate(base() + coursePath);
        instructor.locator("#gradebook-link").click();
        assertThat(instructor.locator("h1")).hasText("Gradebook: Grades " + tag);
        assertThat(instructor.locator("[id='gradebook:grades'] thead")).containsText(title);
        assertThat(grade(instructor, "Sam Student")).hasText("not graded yet");
        assertThat(instructor.locator(".last-graded")).hasText("Not graded yet.");

        // Stands in for the clock: the due date is now a minute ago, and the snapshot job takes it from there.
        GradingData.makeDue(title);
        waitForGrades(instructor, title);
        assertThat(grade(instructor, "Sam Student")).hasText("3 / 3");
        assertThat(grade(instructor, "Alex Second")).hasText("1 / 3");
        // Which test the class fails most: the pass rates sort.
        sortBy(instructor, "[id^='gradebook:rates_']", "Pass rate", "ascending");
        assertThat(rateRow(instructor, 0)).containsText("doubles five");
        assertThat(rateRow(instructor, 0)).containsText("1 of 2");
        sortBy(instructor, "[id^='gradebook:rates_']", "Pass rate", "descending");
        assertThat(rateRow(instructor, 0)).containsText("doubles two");
        assertThat(rateRow(instructor, 0)).containsText("2 of 2");
        String firstGrading = instructor.locator(".last-graded").textContent().strip();
        assertTrue(firstGrading.startsWith("Last graded"), firstGrading);
        sam.navigate(base() + "my/courses.xhtml");
        assertThat(myGrade(sam, title)).hasText("3 / 3");

        // Alex's results, the hidden test in full: it expected 10 where Alex's program printed 7.
        String gradebookUrl = instructor.url();
        grade(instructor, "Alex Second").click();
        assertThat(instructor.locator("h1")).hasText("Snapshot at the due date");
        assertThat(instructor.locator("#grade-summary")).containsText("1 / 3 points, 1 of 2 tests passed");
        Locator five = resultRow(instructor, "doubles five");
        assertThat(five).containsText("(hidden)");
        assertThat(five.locator(".test-points")).hasText("0 / 2");
        assertThat(five.locator(".test-outcome")).hasText("failed");
        assertThat(five.locator(".test-expected")).hasText("10");
        assertThat(five.locator(".test-actual")).containsText("7");
        assertThat(resultRow(instructor, "doubles two").locator(".test-outcome"))
                .hasText("passed");
        assertThat(instructor.locator(".file-content")).containsText("print(n + 2)");

        // The hidden test is worth more than the instructor first said: a re-grade follows the change.
        instructor.navigate(testsUrl);
        TestsPageSteps.field(TestsPageSteps.card(instructor, 1), "Points").fill("4");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Saved 2 tests worth 5 points;");
        instructor.navigate(gradebookUrl);
        assertThat(grade(instructor, "Sam Student")).hasText("3 / 3");
        instructor.locator(".regrade").click();
        assertThat(instructor.locator("[id='gradebook:messages']")).containsText("Re-grading " + title);
        assertThat(instructor.locator(".grading-progress")).containsText("100% graded", GRADING);
        assertThat(grade(instructor, "Sam Student")).hasText("5 / 5", REGRADED);
        assertThat(grade(instructor, "Alex Second")).hasText("1 / 5");
        assertNotEquals(
                firstGrading, instructor.locator(".last-graded").textContent().strip());

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
                        + "Alex Second,1,5,1\r\n"
                        + "Sam Student,5,5,5\r\n",
                Files.readString(download.path(), StandardCharsets.UTF_8));
        String csvUrl = base() + "instructor/gradebook.csv?course=" + courseId;
        APIResponse csv = instructor.request().get(csvUrl);
        assertEquals(
                "text/csv;charset=utf-8",
                csv.headers().get("content-type").replace(" ", "").toLowerCase());

        sam.navigate(base() + "my/courses.xhtml");
        assertThat(myGrade(sam, title)).hasText("5 / 5");
        assertEquals(403, sam.navigate(gradebookUrl).status());
        assertEquals(403, sam.request().get(csvUrl).status());
        Page other = signedIn("instructor2", "instructor/index.xhtml");
        assertEquals(404, other.navigate(gradebookUrl).status());
        assertEquals(404, other.request().get(csvUrl).status());
    }

    /** Opens the workspace in the editor from My workspaces, types the code and saves it. */
    private void type(Page page, String workspace, String code) {
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(workspace).setExact(true))
                .click();
        assertThat(page.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", GRADING);
        replaceCode(page, code);
        page.locator("[id$=':save']").click();
        assertThat(page.locator("#save-state")).hasText("Saved");
    }

    private void openCopy(Page student, String assignment) {
        student.navigate(base() + "my/workspaces.xhtml");
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(assignment).setExact(true))
                .click();
        assertThat(student.locator(".monaco-editor .view-lines")).containsText("Hello, Pyroom!", GRADING);
    }

    private static Locator myGrade(Page student, String assignment) {
        return student.locator("[id$=':grades'] tbody tr", new Page.LocatorOptions().setHasText(assignment))
                .locator(".grade");
    }

    private static Locator checkedTest(Page page, String name) {
        return page.locator(
                "#check-report .check-test",
                new Page.LocatorOptions()
                        .setHas(page.locator(".test-name", new Page.LocatorOptions().setHasText(name))));
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
    private static void waitForGrades(Page instructor, String assignment) {
        for (int look = 0; look < 60 && instructor.getByText("not graded yet").count() > 0; look++) {
            instructor.waitForTimeout(3_000);
            instructor.reload();
            instructor.locator("[id='gradebook:grades']").waitFor();
        }
        if (instructor.getByText("not graded yet").count() > 0) {
            fail("The gradebook still shows snapshots without a grade; in the database: "
                    + GradingData.gradingState(assignment));
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
