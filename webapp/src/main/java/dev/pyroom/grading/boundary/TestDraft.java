package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.OutputComparison;
import dev.pyroom.grading.entity.TestKind;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One test as its instructor is writing it on the tests page. Every field keeps exactly what was typed (numbers too),
 * so nothing is lost when the page refuses a value; {@link #toTest} turns it into an {@link AssignmentTest}.
 */
public class TestDraft implements Serializable {

    private final TestKind kind;
    private String name;
    private String points = String.valueOf(AssignmentTest.DEFAULT_POINTS);
    private String timeLimit = DraftNumbers.seconds(AssignmentTest.DEFAULT_TIME_LIMIT);
    private boolean visible = true;
    private String entryFile = "main.py";
    private String arguments = "";
    private String stdin = "";
    private String expectedOutput = "";
    private OutputComparison comparison = OutputComparison.TRIMMED;
    private String tolerance = "0";
    private String source = "";

    private TestDraft(TestKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    static TestDraft newTest(TestKind kind, String name, String source) {
        TestDraft draft = new TestDraft(kind, name);
        draft.source = source;
        return draft;
    }

    static TestDraft of(AssignmentTest test) {
        TestDraft draft = new TestDraft(test.kind(), test.name());
        draft.points = String.valueOf(test.points());
        draft.timeLimit = DraftNumbers.seconds(test.timeLimit());
        draft.visible = test.visible();
        draft.entryFile = test.entryFile();
        draft.arguments = String.join("\n", test.arguments());
        draft.stdin = test.stdin();
        draft.expectedOutput = test.expectedOutput();
        draft.comparison = test.comparison();
        draft.tolerance = DraftNumbers.tolerance(test.tolerance());
        draft.source = test.source();
        return draft;
    }

    /**
     * The test as it is stored; a unit test keeps none of the I/O fields.
     *
     * @param number the test's place on the page, from 1, named in the message of a refused value
     * @throws InvalidCourseException saying which test has which unusable value
     */
    AssignmentTest toTest(int number) {
        try {
            boolean io = kind == TestKind.IO;
            return new AssignmentTest(
                    null,
                    name,
                    kind,
                    DraftNumbers.points(points),
                    DraftNumbers.seconds(timeLimit),
                    visible,
                    io ? entryFile : null,
                    io ? argumentList() : List.of(),
                    io ? lines(stdin) : null,
                    io ? lines(expectedOutput) : null,
                    io ? comparison : OutputComparison.TRIMMED,
                    io && comparison == OutputComparison.NUMERIC ? DraftNumbers.tolerance(tolerance) : 0,
                    io ? null : lines(source));
        } catch (InvalidCourseException e) {
            throw new InvalidCourseException(
                    "Test " + number + (name.isBlank() ? "" : " (" + name.strip() + ")") + ": " + e.getMessage());
        }
    }

    /** One argument per line; a blank last line is the end of the list, not an empty argument. */
    private List<String> argumentList() {
        String text = lines(arguments);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    /** Browsers send a text area's line breaks as CR LF; what the instructor typed has LF. */
    private static String lines(String text) {
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    /** "I/O test · 2 points · 1.5 s · visible", from the values as typed. */
    public String getSummary() {
        return (kind == TestKind.IO ? "I/O test" : "Unit test") + " · " + points.strip()
                + ("1".equals(points.strip()) ? " point" : " points") + " · " + timeLimit.strip() + " s · "
                + (visible ? "visible" : "hidden");
    }

    public String getComparisonExplanation() {
        return Comparisons.of(comparison).explanation();
    }

    public TestKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getPoints() {
        return points;
    }

    public void setPoints(String points) {
        this.points = points == null ? "" : points;
    }

    public String getTimeLimit() {
        return timeLimit;
    }

    public void setTimeLimit(String timeLimit) {
        this.timeLimit = timeLimit == null ? "" : timeLimit;
    }

    public boolean isVisible() {
        return visible;
    }

    public void setVisible(boolean visible) {
        this.visible = visible;
    }

    public String getEntryFile() {
        return entryFile;
    }

    public void setEntryFile(String entryFile) {
        this.entryFile = entryFile;
    }

    public String getArguments() {
        return arguments;
    }

    public void setArguments(String arguments) {
        this.arguments = arguments;
    }

    public String getStdin() {
        return stdin;
    }

    public void setStdin(String stdin) {
        this.stdin = stdin;
    }

    public String getExpectedOutput() {
        return expectedOutput;
    }

    public void setExpectedOutput(String expectedOutput) {
        this.expectedOutput = expectedOutput;
    }

    public OutputComparison getComparison() {
        return comparison;
    }

    public void setComparison(OutputComparison comparison) {
        this.comparison = comparison;
    }

    public String getTolerance() {
        return tolerance;
    }

    public void setTolerance(String tolerance) {
        this.tolerance = tolerance == null ? "" : tolerance;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
