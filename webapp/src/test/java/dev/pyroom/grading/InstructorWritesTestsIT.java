package dev.pyroom.grading;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.pyroom.CourseSteps.createCourse;
import static dev.pyroom.CourseSteps.publish;
import static dev.pyroom.CourseSteps.replaceCode;
import static dev.pyroom.CourseSteps.submitPublish;
import static dev.pyroom.grading.TestsPageSteps.card;
import static dev.pyroom.grading.TestsPageSteps.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import dev.pyroom.BrowserTest;
import dev.pyroom.EditorUpload;
import dev.pyroom.WorkspaceForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * An instructor writes an assignment's tests on its tests page, or uploads them with the starter files; nobody else
 * reaches that page, and no student gets the uploaded tests.
 */
class InstructorWritesTestsIT extends BrowserTest {

    /** Leading newline, indentation, trailing spaces and a blank last line: all of it is the expected output. */
    private static final String EXPECTED = "\n  5  \n\n";

    /** A try starts a sandbox of its own and runs every test in it. */
    private static final LocatorAssertions.HasTextOptions TRIED =
            new LocatorAssertions.HasTextOptions().setTimeout(60_000);

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
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Saved 2 tests worth 5 points;");

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
        // A time limit longer than the course lets a program run is refused on save, saying the course's limit.
        field(io, "Time limit (seconds)").fill("599");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']"))
                .containsText("Test 1 (adds <two> numbers): The time limit of 599 s is longer than a program may run"
                        + " in this course: at most");
        assertEquals("599", field(io, "Time limit (seconds)").inputValue());
        field(io, "Time limit (seconds)").fill("1.5");
        unit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move test 2 up"))
                .click();
        assertThat(card(instructor, 0).locator(".test-name")).hasText("add handles negatives");
        card(instructor, 1)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete test 2"))
                .click();
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Removed \"adds <two> numbers\"");
        assertThat(instructor.locator(".test-card")).hasCount(1);
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']")).containsText("Saved 1 test worth 3 points;");

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

    @Test
    void instructorTriesTheTestsAgainstTheirReferenceSolutionFindsAWrongTestAndLimitsTheChecks() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String assignment = "Greeting " + tag;
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        WorkspaceForm.create(instructor, "Starter " + tag);
        // A new workspace prints "Hello, Pyroom!": that is the reference solution of this assignment.
        WorkspaceForm.create(instructor, "Reference " + tag);
        createCourse(instructor, "Tried " + tag);
        publish(instructor, assignment, "Starter " + tag);
        GradingData.addIoTest(assignment, "Greets Pyroom", 2, true, "", "Hello, Pyroom!\n");
        GradingData.addIoTest(assignment, "Greets once", 1, false, "", "Hello, Pyroom!");
        GradingData.addIoTest(assignment, "Greets the world", 3, false, "", "Hello, World!\n");
        instructor
                .locator("[id='assignments:list'] tr", new Page.LocatorOptions().setHasText(assignment))
                .locator(".tests-link")
                .click();
        assertThat(instructor.locator(".test-card")).hasCount(3);

        instructor.locator("[id='tests:try']").click();
        assertThat(instructor.locator("[id='tests:messages']"))
                .containsText("Pick the workspace that holds your reference solution.");
        reference(instructor).selectOption(new SelectOption().setLabel("Reference " + tag));
        instructor.locator("[id='tests:try']").click();
        Locator result = instructor.locator("[id='tests:tryResult']");
        assertThat(result.locator(".check-summary"))
                .hasText("Your reference solution passes 2 of 3 tests · 3/6 points.", TRIED);
        assertThat(result.locator(".reference-flag-summary"))
                .hasText("One test fails your reference solution: fix it or the solution before students meet it.");
        assertThat(result.locator(".unsaved-try")).hasCount(0);
        Locator wrong = triedTest(instructor, "Greets the world");
        assertThat(wrong).hasClass(Pattern.compile("fails-reference"));
        assertThat(wrong.locator(".test-outcome")).hasText("Failed");
        assertThat(wrong.locator(".test-hidden")).hasText("hidden");
        assertThat(wrong.locator(".reference-flag"))
                .hasText("This test fails your reference solution: fix the test or the solution before students meet"
                        + " it.");
        // A hidden test shows the instructor everything a student never sees.
        assertThat(wrong.locator("pre.expected")).hasText("Hello, World!");
        assertThat(wrong.locator("pre.actual")).hasText("Hello, Pyroom!");
        for (String passing : new String[] {"Greets Pyroom", "Greets once"}) {
            assertThat(triedTest(instructor, passing).locator(".test-outcome")).hasText("Passed");
            assertThat(triedTest(instructor, passing).locator(".reference-flag"))
                    .hasCount(0);
        }

        // Unsaved changes do not take part: the try says it ran the saved tests.
        field(card(instructor, 2), "Expected output").fill("Hello, Pyroom!\n");
        instructor.locator("[id='tests:try']").click();
        assertThat(result.locator(".unsaved-try"))
                .hasText("The page has unsaved changes: this try ran the tests as last saved.", TRIED);
        assertThat(triedTest(instructor, "Greets the world").locator(".test-outcome"))
                .hasText("Failed");

        // The limit of checks is saved with the tests, or neither is.
        assertThat(maxAttempts(instructor)).hasValue("");
        maxAttempts(instructor).fill("0");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']"))
                .containsText("Students may be allowed 1 to 1000 checks, or any number.");
        instructor.reload();
        assertEquals(
                "Hello, World!\n", field(card(instructor, 2), "Expected output").inputValue());
        field(card(instructor, 2), "Expected output").fill("Hello, Pyroom!\n");
        maxAttempts(instructor).fill("3");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']"))
                .containsText("Saved 3 tests worth 6 points; each student may make 3 checks.");

        instructor.reload();
        assertThat(maxAttempts(instructor)).hasValue("3");
        reference(instructor).selectOption(new SelectOption().setLabel("Reference " + tag));
        instructor.locator("[id='tests:try']").click();
        assertThat(result.locator(".check-summary"))
                .hasText("Your reference solution passes 3 of 3 tests · 6/6 points.", TRIED);
        assertThat(result.locator(".reference-flag-summary")).hasCount(0);
        assertThat(result.locator(".reference-flag")).hasCount(0);

        maxAttempts(instructor).fill("");
        instructor.locator("[id='tests:save']").click();
        assertThat(instructor.locator("[id='tests:messages']"))
                .containsText("Saved 3 tests worth 6 points; students may check as often as they like.");
        instructor.reload();
        assertThat(maxAttempts(instructor)).hasValue("");
    }

    @Test
    void testsUploadedWithTheStarterFilesBecomeTheAssignmentsTestsAndNeverReachAStudent() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page instructor = signedIn("instructor", "my/workspaces.xhtml");
        // The starter main.py is the one every new workspace has: the upload leaves it as it is.
        uploadIntoNewWorkspace(
                instructor,
                "Uploaded " + tag,
                zip(
                        "main.py", "print(\"Hello, Pyroom!\")\n",
                        "tests/greets.out", "Hello, Pyroom!\n",
                        "tests/secret.py", "def test_sum():\n    assert 1 + 1 == 2\n",
                        "tests/tests.json",
                                "{\"secret\": {\"points\": 3, \"hidden\": true}, \"greets\": {\"points\": 2}}"));
        assertThat(instructor.locator(".ui-messages")).containsText("Uploaded 3 files");
        instructor.navigate(base() + "my/workspaces.xhtml");
        uploadIntoNewWorkspace(
                instructor,
                "Misspelt " + tag,
                zip("tests/greets.out", "Hello, Pyroom!\n", "tests/tests.json", "{\"greets\": {\"pointz\": 2}}"));
        assertThat(instructor.locator(".ui-messages")).containsText("Uploaded 2 files");
        String code = createCourse(instructor, "Uploads " + tag);
        String coursePath = instructor.url().substring(base().toString().length());
        Page student = signedIn("student", "my/courses.xhtml?code=" + code);
        assertThat(student.locator("[id$=':messages']")).containsText("You are in Uploads " + tag);

        publish(instructor, "Greeting " + tag, "Uploaded " + tag);
        assertThat(instructor.locator("[id='assignments:messages']"))
                .containsText("Published \"Greeting " + tag + "\" to the class with 2 tests from tests/, which the"
                        + " students do not get.");
        Locator testsLink = instructor
                .locator("[id='assignments:list'] tr", new Page.LocatorOptions().setHasText("Greeting " + tag))
                .locator(".tests-link");
        assertThat(testsLink).hasText("Tests: 2 tests · 5 points");
        testsLink.click();
        assertThat(instructor.locator(".test-card")).hasCount(2);
        assertThat(card(instructor, 0).locator(".test-name")).hasText("secret");
        assertThat(card(instructor, 0).locator(".test-summary")).hasText("Unit test · 3 points · 2 s · hidden");
        assertThat(card(instructor, 0).locator(".monaco-editor .view-lines")).containsText("assert 1 + 1 == 2");
        assertThat(card(instructor, 1).locator(".test-name")).hasText("greets");
        assertThat(card(instructor, 1).locator(".test-summary")).hasText("I/O test · 2 points · 2 s · visible");
        assertEquals(
                "Hello, Pyroom!\n",
                field(card(instructor, 1), "Expected output").inputValue());

        student.navigate(base() + "my/workspaces.xhtml");
        student.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Greeting " + tag).setExact(true))
                .click();
        assertThat(student.locator("#file-name")).hasText("main.py");
        assertThat(student.locator(".tree-file")).hasCount(1);
        assertThat(student.locator(".tree-folder")).hasCount(0);
        assertThat(student.locator(".file-tree")).not().containsText("secret");

        // A manifest Pyroom cannot read stops the whole publish, and says where.
        instructor.navigate(base() + coursePath);
        submitPublish(instructor, "Misspelt " + tag, "Misspelt " + tag);
        assertThat(instructor.locator("[id='assignments:messages']"))
                .containsText("tests/tests.json: test \"greets\" has \"pointz\", which is no setting; the settings are"
                        + " points, hidden, timeLimitMs, comparison, tolerance, arguments, entryFile.");
        assertThat(instructor.locator("[id='assignments:list']")).not().containsText("Misspelt " + tag);
        student.navigate(base() + "my/workspaces.xhtml");
        assertThat(student.locator(".workspace-name", new Page.LocatorOptions().setHasText("Misspelt " + tag)))
                .hasCount(0);
    }

    /** Creates the workspace, opens it in the editor and uploads the archive through the editor's upload. */
    private static void uploadIntoNewWorkspace(Page instructor, String workspace, byte[] archive) {
        WorkspaceForm.create(instructor, workspace);
        instructor
                .getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(workspace).setExact(true))
                .click();
        assertThat(instructor.locator("#file-name")).hasText("main.py");
        EditorUpload.choose(instructor, new FilePayload(workspace + ".zip", "application/zip", archive));
    }

    /** A zip of paths and contents, in pairs. */
    private static byte[] zip(String... pathsAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(pathsAndContents[i]));
                zip.write(pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static Locator reference(Page page) {
        return page.getByLabel("Reference solution", new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator maxAttempts(Page page) {
        return page.getByLabel("Checks each student may make", new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator triedTest(Page page, String name) {
        return page.locator(
                ".reference-try-table tbody tr",
                new Page.LocatorOptions()
                        .setHas(page.locator(".test-name", new Page.LocatorOptions().setHasText(name))));
    }
}
