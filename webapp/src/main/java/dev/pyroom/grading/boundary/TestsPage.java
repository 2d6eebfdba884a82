package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.classroom.boundary.PageReplies;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.grading.entity.AssignmentTest;
import dev.pyroom.grading.entity.TestKind;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.primefaces.extensions.model.monacoeditor.ELanguage;
import org.primefaces.extensions.model.monacoeditor.EditorMinimapOptions;
import org.primefaces.extensions.model.monacoeditor.EditorOptions;

/**
 * The tests of one assignment as its instructor writes them: adding, editing, reordering and deleting happen on the
 * page; Save replaces the stored tests, and the limit of checks each student may make, with what the page shows.
 */
@Named
@ViewScoped
public class TestsPage implements Serializable {

    /** What a new unit test starts with: the shape of a test function that imports the student's module. */
    static final String UNIT_TEST_TEMPLATE = """
            from solution import add


            def test_add():
                assert add(2, 3) == 5
            """;

    @Inject
    TestAuthoring authoring;

    @Inject
    CurrentUser currentUser;

    private long courseId;
    private long assignmentId;
    private String assignmentTitle;
    private final List<TestDraft> drafts = new ArrayList<>();
    private String maxAttempts = "";

    /** 404 unless the caller teaches the course and the assignment belongs to it. */
    public void open() throws IOException {
        try {
            assignmentTitle = authoring.assignmentTitle(currentUser.id(), courseId, assignmentId);
            reload();
        } catch (CourseNotFoundException e) {
            PageReplies.notFound();
        }
    }

    public void addIoTest() {
        drafts.add(TestDraft.newTest(TestKind.IO, freeName("I/O test"), ""));
    }

    public void addUnitTest() {
        drafts.add(TestDraft.newTest(TestKind.UNIT, freeName("Unit test"), UNIT_TEST_TEMPLATE));
    }

    public void moveUp(TestDraft draft) {
        int index = drafts.indexOf(draft);
        if (index > 0) {
            Collections.swap(drafts, index, index - 1);
        }
    }

    public void moveDown(TestDraft draft) {
        int index = drafts.indexOf(draft);
        if (index >= 0 && index < drafts.size() - 1) {
            Collections.swap(drafts, index, index + 1);
        }
    }

    public void delete(TestDraft draft) {
        if (drafts.remove(draft)) {
            PageReplies.inform("Removed \"" + draft.getName().strip() + "\": save to make it final.");
        }
    }

    /** Stores the tests and the limit of checks as the page shows them, or says which value keeps them from it. */
    public void save() {
        try {
            List<AssignmentTest> tests = draftedTests();
            Integer limit = DraftNumbers.attempts(maxAttempts);
            authoring.save(currentUser.id(), courseId, assignmentId, tests, limit);
            reload();
            int points = tests.stream().mapToInt(AssignmentTest::points).sum();
            PageReplies.inform("Saved " + tests.size() + (tests.size() == 1 ? " test" : " tests") + " worth " + points
                    + (points == 1 ? " point" : " points") + "; "
                    + (limit == null
                            ? "students may check as often as they like."
                            : "each student may make " + limit + (limit == 1 ? " check." : " checks.")));
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        } catch (CourseNotFoundException e) {
            PageReplies.refuse("You no longer teach this course: the tests were not saved.");
        }
    }

    /** Whether the page shows tests other than the saved ones, which are the ones a try runs. */
    boolean hasUnsavedTests() {
        List<AssignmentTest> saved = authoring.tests(currentUser.id(), courseId, assignmentId);
        if (saved.size() != drafts.size()) {
            return true;
        }
        try {
            List<AssignmentTest> shown = draftedTests();
            // Both sides pass through a draft, so that only what the instructor changed tells them apart.
            for (int index = 0; index < saved.size(); index++) {
                if (!TestDraft.of(saved.get(index)).toTest(index + 1).equals(shown.get(index))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidCourseException e) {
            return true;
        }
    }

    /** Python, with a label that says which test's code it holds for screen readers. */
    public EditorOptions sourceOptions(int index) {
        return new EditorOptions()
                .setLanguage(ELanguage.PYTHON)
                .setAriaLabel("Test code of test " + (index + 1))
                .setFontSize(14)
                .setTabSize(4)
                .setMinimap(new EditorMinimapOptions().setEnabled(false))
                .setAutomaticLayout(true);
    }

    private List<AssignmentTest> draftedTests() {
        List<AssignmentTest> tests = new ArrayList<>();
        for (int index = 0; index < drafts.size(); index++) {
            tests.add(drafts.get(index).toTest(index + 1));
        }
        return tests;
    }

    private void reload() {
        drafts.clear();
        authoring.tests(currentUser.id(), courseId, assignmentId).stream()
                .map(TestDraft::of)
                .forEach(drafts::add);
        maxAttempts = authoring
                .maxAttempts(currentUser.id(), courseId, assignmentId)
                .map(String::valueOf)
                .orElse("");
    }

    /** "Unit test 3", or the next number no test on the page has. */
    private String freeName(String kind) {
        for (int number = drafts.size() + 1; ; number++) {
            String name = kind + " " + number;
            if (drafts.stream().noneMatch(draft -> draft.getName().strip().equalsIgnoreCase(name))) {
                return name;
            }
        }
    }

    public List<TestDraft> getDrafts() {
        return drafts;
    }

    public List<Comparisons> getComparisons() {
        return Comparisons.ALL;
    }

    public String getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(String maxAttempts) {
        this.maxAttempts = maxAttempts == null ? "" : maxAttempts;
    }

    public String getAssignmentTitle() {
        return assignmentTitle;
    }

    public long getCourseId() {
        return courseId;
    }

    public void setCourseId(long courseId) {
        this.courseId = courseId;
    }

    public long getAssignmentId() {
        return assignmentId;
    }

    public void setAssignmentId(long assignmentId) {
        this.assignmentId = assignmentId;
    }
}
