package dev.pyroom.grading.control;

import dev.pyroom.classroom.control.Assignments;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an assignment's tests from the {@code tests/} folder of the workspace it is published from: {@code NAME.py} is
 * a unit test, {@code NAME.out} (with {@code NAME.in} as its input, if there is one) an I/O test, and the optional
 * {@code tests.json} gives tests other settings than the tests page's defaults ({@link TestManifest}). Anything it
 * cannot read refuses the whole folder, naming the file: half an assignment's tests would grade students wrongly.
 */
public final class TestFolder {

    public static final String PREFIX = Assignments.TESTS_FOLDER + "/";
    static final String MANIFEST = PREFIX + "tests.json";

    private final Map<String, String> units = new TreeMap<>();
    private final Map<String, String> inputs = new TreeMap<>();
    private final Map<String, String> outputs = new TreeMap<>();
    private final Map<String, String> files;

    private TestFolder(Map<String, String> files) {
        this.files = files;
    }

    /**
     * The tests, in the order the manifest lists them, then by name; empty without a tests folder.
     *
     * @param files the workspace's files by path (others than those in {@code tests/} are left alone)
     * @param courseWallTime the longest a run may take in the assignment's course
     * @throws InvalidCourseException naming the file and what is wrong with it
     */
    public static List<AssignmentTest> read(Map<String, String> files, Duration courseWallTime) {
        return new TestFolder(files).read(courseWallTime);
    }

    private List<AssignmentTest> read(Duration courseWallTime) {
        sortFiles();
        for (String name : inputs.keySet()) {
            if (!outputs.containsKey(name)) {
                throw new InvalidCourseException(inputs.get(name) + " has no " + PREFIX + name
                        + ".out: an I/O test needs the expected output (an empty file expects none).");
            }
        }
        for (String name : units.keySet()) {
            if (outputs.containsKey(name)) {
                throw new InvalidCourseException(units.get(name) + " and " + outputs.get(name)
                        + " are two tests named \"" + name + "\": give each its own name.");
            }
        }
        Map<String, TestManifest.Settings> manifest =
                files.containsKey(MANIFEST) ? TestManifest.read(MANIFEST, files.get(MANIFEST)) : Map.of();
        List<String> names = new ArrayList<>(manifest.keySet());
        for (String name : names) {
            if (!units.containsKey(name) && !outputs.containsKey(name)) {
                throw new InvalidCourseException(MANIFEST + ": there is no test \"" + name + "\" (no " + PREFIX + name
                        + ".py, nor " + PREFIX + name + ".out).");
            }
        }
        SortedSet<String> unlisted = new TreeSet<>(units.keySet());
        unlisted.addAll(outputs.keySet());
        unlisted.removeAll(manifest.keySet());
        names.addAll(unlisted);
        TestRules.requireAtMostMaxTests(names.size());
        List<AssignmentTest> tests = new ArrayList<>();
        for (String name : names) {
            TestManifest.Settings settings = manifest.getOrDefault(name, TestManifest.Settings.NONE);
            requireSettingsFit(name, settings);
            try {
                AssignmentTest test = units.containsKey(name) ? unitTest(name, settings) : ioTest(name, settings);
                TestRules.requireWithinCourse(test, courseWallTime);
                tests.add(test);
            } catch (InvalidCourseException e) {
                throw new InvalidCourseException(sources(name, manifest.containsKey(name)) + ": " + e.getMessage());
            }
        }
        return tests;
    }

    private void sortFiles() {
        for (String path : new TreeSet<>(files.keySet())) {
            if (!path.startsWith(PREFIX) || path.equals(MANIFEST)) {
                continue;
            }
            String file = path.substring(PREFIX.length());
            if (file.contains("/")) {
                throw new InvalidCourseException(
                        path + ": " + PREFIX + " holds no folders; put each test's files in " + PREFIX + " itself.");
            } else if (file.endsWith(".py")) {
                units.put(stem(file), path);
            } else if (file.endsWith(".in")) {
                inputs.put(stem(file), path);
            } else if (file.endsWith(".out")) {
                outputs.put(stem(file), path);
            } else {
                throw new InvalidCourseException(path + ": only NAME.py (a unit test), NAME.in and NAME.out (an I/O"
                        + " test) and tests.json belong in " + PREFIX + ".");
            }
        }
    }

    /** Settings that would be silently ignored are refused: the instructor meant something by them. */
    private void requireSettingsFit(String name, TestManifest.Settings settings) {
        String ioOnly = settings.ioOnlySetting();
        if (units.containsKey(name) && ioOnly != null) {
            throw new InvalidCourseException(MANIFEST + ": \"" + ioOnly + "\" is for I/O tests, and test \"" + name
                    + "\" is a unit test (" + units.get(name) + ").");
        }
        if (settings.tolerance() != null && settings.comparison() != OutputComparison.NUMERIC) {
            throw new InvalidCourseException(MANIFEST + ": \"tolerance\" of test \"" + name
                    + "\" counts only with \"comparison\": \"NUMERIC\".");
        }
    }

    private AssignmentTest unitTest(String name, TestManifest.Settings settings) {
        return new AssignmentTest(
                null,
                name,
                TestKind.UNIT,
                points(settings),
                timeLimit(settings),
                visible(settings),
                null,
                List.of(),
                null,
                null,
                OutputComparison.TRIMMED,
                0,
                text(units.get(name)));
    }

    private AssignmentTest ioTest(String name, TestManifest.Settings settings) {
        OutputComparison comparison = Objects.requireNonNullElse(settings.comparison(), OutputComparison.TRIMMED);
        return new AssignmentTest(
                null,
                name,
                TestKind.IO,
                points(settings),
                timeLimit(settings),
                visible(settings),
                settings.entryFile(),
                Objects.requireNonNullElse(settings.arguments(), List.of()),
                inputs.containsKey(name) ? text(inputs.get(name)) : "",
                text(outputs.get(name)),
                comparison,
                Objects.requireNonNullElse(settings.tolerance(), 0.0),
                null);
    }

    private static int points(TestManifest.Settings settings) {
        return Objects.requireNonNullElse(settings.points(), AssignmentTest.DEFAULT_POINTS);
    }

    private static Duration timeLimit(TestManifest.Settings settings) {
        return Objects.requireNonNullElse(settings.timeLimit(), AssignmentTest.DEFAULT_TIME_LIMIT);
    }

    private static boolean visible(TestManifest.Settings settings) {
        return !Boolean.TRUE.equals(settings.hidden());
    }

    /** Files written on Windows have CR LF; the programs' output, and what the tests page stores, LF. */
    private String text(String path) {
        return files.get(path).replace("\r\n", "\n");
    }

    /** "tests/sums.in and tests/sums.out, with its settings in tests/tests.json" */
    private String sources(String name, boolean inManifest) {
        String own = units.containsKey(name)
                ? units.get(name)
                : (inputs.containsKey(name) ? inputs.get(name) + " and " : "") + outputs.get(name);
        return own + (inManifest ? ", with its settings in " + MANIFEST : "");
    }

    private static String stem(String file) {
        return file.substring(0, file.lastIndexOf('.'));
    }
}
