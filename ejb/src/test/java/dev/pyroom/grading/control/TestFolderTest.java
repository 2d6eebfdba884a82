package dev.pyroom.grading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestFolderTest {

    private static final Duration COURSE_WALL_TIME = Duration.ofSeconds(10);
    private static final String UNIT_TEST = "from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n";

    @Test
    void aWorkspaceWithoutTestsFolderHasNoTests() {
        assertEquals(List.of(), read("main.py", "print(1)\n", "lib/tests/x.py", "x = 1\n"));
    }

    @Test
    void filesMakeTestsWithThePagesDefaultsOrderedByName() {
        List<AssignmentTest> tests = read(
                "main.py",
                "print(input())\n",
                "tests/sums.in",
                "2 3\n",
                "tests/sums.out",
                "5\n",
                "tests/add.py",
                UNIT_TEST,
                "tests/silent.out",
                "");

        assertEquals(List.of("add", "silent", "sums"), names(tests));
        AssignmentTest add = tests.get(0);
        assertEquals(TestKind.UNIT, add.kind());
        assertEquals(UNIT_TEST, add.source());
        assertEquals(AssignmentTest.DEFAULT_POINTS, add.points());
        assertEquals(AssignmentTest.DEFAULT_TIME_LIMIT, add.timeLimit());
        assertTrue(add.visible());
        AssignmentTest sums = tests.get(2);
        assertEquals(TestKind.IO, sums.kind());
        assertEquals("main.py", sums.entryFile());
        assertEquals("2 3\n", sums.stdin());
        assertEquals("5\n", sums.expectedOutput());
        assertEquals(OutputComparison.TRIMMED, sums.comparison());
        assertEquals("", tests.get(1).stdin(), "a .out without .in runs with empty input");
    }

    @Test
    void theManifestSetsEachTestAndListsTheFirstInItsOrder() {
        List<AssignmentTest> tests =
                read("tests/b.out", "1.0\n", "tests/a.py", UNIT_TEST, "tests/c.out", "x\n", "tests/tests.json", """
                {"c": {"points": 3, "hidden": true, "timeLimitMs": 1500, "comparison": "EXACT",
                       "arguments": ["--verbose", "data.txt"], "entryFile": "app/run.py"},
                 "b": {"comparison": "NUMERIC", "tolerance": 0.01},
                 "a": {"hidden": true, "points": 0}}
                """);

        assertEquals(List.of("c", "b", "a"), names(tests));
        AssignmentTest c = tests.get(0);
        assertEquals(3, c.points());
        assertFalse(c.visible());
        assertEquals(Duration.ofMillis(1500), c.timeLimit());
        assertEquals(OutputComparison.EXACT, c.comparison());
        assertEquals(List.of("--verbose", "data.txt"), c.arguments());
        assertEquals("app/run.py", c.entryFile());
        assertEquals(0.01, tests.get(1).tolerance());
        assertEquals(OutputComparison.NUMERIC, tests.get(1).comparison());
        assertFalse(tests.get(2).visible());
        assertEquals(0, tests.get(2).points());
    }

    @Test
    void testsNotInTheManifestFollowItsTestsByName() {
        List<AssignmentTest> tests =
                read("tests/z.out", "", "tests/m.out", "", "tests/a.out", "", "tests/tests.json", "{\"m\": {}}");

        assertEquals(List.of("m", "a", "z"), names(tests));
    }

    @Test
    void windowsLineEndingsBecomeTheProgramsLineEndings() {
        AssignmentTest test =
                read("tests/sums.in", "2\r\n3\r\n", "tests/sums.out", "5\r\n").get(0);

        assertEquals("2\n3\n", test.stdin());
        assertEquals("5\n", test.expectedOutput());
    }

    @Test
    void anInputWithoutExpectedOutputIsRefused() {
        assertRefused(
                "tests/sums.in has no tests/sums.out: an I/O test needs the expected output", "tests/sums.in", "1\n");
    }

    @Test
    void aUnitTestAndAnIoTestOfTheSameNameAreRefused() {
        assertRefused(
                "tests/sums.py and tests/sums.out are two tests named \"sums\"",
                "tests/sums.py",
                UNIT_TEST,
                "tests/sums.out",
                "5\n");
    }

    @Test
    void aSubfolderOrAnUnknownFileInTheTestsFolderIsRefused() {
        assertRefused("tests/data/numbers.out: tests/ holds no folders", "tests/data/numbers.out", "1\n");
        assertRefused("tests/notes.txt: only NAME.py (a unit test), NAME.in and NAME.out", "tests/notes.txt", "hi\n");
    }

    @Test
    void aBrokenManifestIsRefusedWithWhereItBroke() {
        assertRefused(
                "tests/tests.json: not valid JSON (line 2, column",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\":\n {\"points\": 2,,}}");
        assertRefused(
                "tests/tests.json: the manifest must be an object", "tests/a.out", "", "tests/tests.json", "[\"a\"]");
        assertRefused(
                "tests/tests.json: the settings of test \"a\" must be an object",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": 2}");
        assertRefused(
                "tests/tests.json: test \"a\" is listed twice",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {}, \"a\": {\"points\": 2}}");
        assertRefused("tests/tests.json: not valid JSON", "tests/a.out", "", "tests/tests.json", "");
    }

    @Test
    void aManifestWithAnUnknownKeyOrTestOrAWrongValueIsRefused() {
        assertRefused(
                "tests/tests.json: test \"a\" has \"pointz\", which is no setting; the settings are points,",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"pointz\": 2}}");
        assertRefused(
                "tests/tests.json: there is no test \"b\" (no tests/b.py, nor tests/b.out)",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"b\": {}}");
        assertRefused(
                "tests/tests.json: \"points\" of test \"a\" must be a whole number",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"points\": \"2\"}}");
        assertRefused(
                "tests/tests.json: \"hidden\" of test \"a\" must be true or false",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"hidden\": \"yes\"}}");
        assertRefused(
                "tests/tests.json: \"comparison\" of test \"a\" must be one of EXACT, TRIMMED, REGEX, NUMERIC",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"comparison\": \"exactly\"}}");
        assertRefused(
                "tests/tests.json: \"arguments\" of test \"a\" must be a list of strings",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"arguments\": [1]}}");
        assertRefused(
                "tests/tests.json: \"comparison\" is for I/O tests, and test \"a\" is a unit test (tests/a.py)",
                "tests/a.py",
                UNIT_TEST,
                "tests/tests.json",
                "{\"a\": {\"comparison\": \"EXACT\"}}");
        assertRefused(
                "tests/tests.json: \"tolerance\" of test \"a\" counts only with \"comparison\": \"NUMERIC\"",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"tolerance\": 0.1}}");
    }

    @Test
    void theTestsOwnRulesRefuseAValueNamingItsFiles() {
        assertRefused(
                "tests/a.out, with its settings in tests/tests.json: A test is worth 0 to 1000 points.",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"points\": 99999999999999999999}}");
        assertRefused(
                "tests/a.in and tests/a.out, with its settings in tests/tests.json: A test's time limit lies"
                        + " between 0.1 seconds and 10 minutes.",
                "tests/a.in",
                "",
                "tests/a.out",
                "",
                "tests/tests.json",
                "{\"a\": {\"timeLimitMs\": 50}}");
        assertRefused(
                "tests/a.out, with its settings in tests/tests.json: The expected output is not a valid regular"
                        + " expression",
                "tests/a.out",
                "(",
                "tests/tests.json",
                "{\"a\": {\"comparison\": \"REGEX\"}}");
        assertRefused("tests/empty.py: The unit test \"empty\" needs test code.", "tests/empty.py", "\n");
    }

    @Test
    void aTimeLimitAboveTheCoursesWallTimeIsRefusedSayingTheCoursesLimit() {
        assertRefused(
                "tests/slow.out, with its settings in tests/tests.json: The time limit of 12.5 s is longer than"
                        + " a program may run in this course: at most 10 s",
                "tests/slow.out",
                "",
                "tests/tests.json",
                "{\"slow\": {\"timeLimitMs\": 12500}}");
        assertEquals(
                Duration.ofSeconds(10),
                read("tests/slow.out", "", "tests/tests.json", "{\"slow\": {\"timeLimitMs\": 10000}}")
                        .get(0)
                        .timeLimit());
    }

    @Test
    void moreTestsThanAnAssignmentMayHaveAreRefused() {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i <= TestRules.MAX_TESTS; i++) {
            files.put("tests/t" + i + ".out", "");
        }
        InvalidCourseException refused =
                assertThrows(InvalidCourseException.class, () -> TestFolder.read(files, COURSE_WALL_TIME));
        assertEquals("An assignment has at most 100 tests.", refused.getMessage());
    }

    private static void assertRefused(String expectedStart, String... pathsAndContents) {
        InvalidCourseException refused = assertThrows(InvalidCourseException.class, () -> read(pathsAndContents));
        assertTrue(refused.getMessage().startsWith(expectedStart), refused.getMessage());
    }

    private static List<AssignmentTest> read(String... pathsAndContents) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return TestFolder.read(files, COURSE_WALL_TIME);
    }

    private static List<String> names(List<AssignmentTest> tests) {
        return tests.stream().map(AssignmentTest::name).toList();
    }
}
