package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.ClassError;
import dev.pyroom.classroom.entity.Elapsed;
import dev.pyroom.classroom.entity.NeedsAttention;
import dev.pyroom.classroom.entity.StudentActivity;
import dev.pyroom.classroom.entity.StudentStatus;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The cockpit of a course during a lab: every student as a card, who needs attention first, filtered by what they
 * are doing and searched by name. The whole class is one query per refresh, like the live table's.
 */
@Named
@ViewScoped
public class CockpitPage implements Serializable {

    /** The filter that shows raised hands only. */
    static final String NEEDS_HELP = "HELP";

    @Inject
    LiveClass liveClass;

    @Inject
    CoursePage coursePage;

    @Inject
    CurrentUser currentUser;

    private String filter = "";
    private String search = "";
    private int windowMinutes = 30;
    private String chosenError;
    private transient List<StudentActivity> students;
    private transient List<ClassError> frequentErrors;
    private transient OffsetDateTime readAt;

    /** Called by the page's poll: the next render reads the class afresh, once. */
    public void refresh() {
        students = null;
        frequentErrors = null;
    }

    /** The errors the most students met within the chosen window, the most students first. */
    public List<ClassError> getFrequentErrors() {
        if (frequentErrors == null) {
            frequentErrors = liveClass.frequentErrors(
                    currentUser.id(), coursePage.getCourseId(), Duration.ofMinutes(windowMinutes));
        }
        return frequentErrors;
    }

    /** Shows only the students who met the error. */
    public void choose(ClassError error) {
        chosenError = key(error);
    }

    public void showEveryone() {
        chosenError = null;
    }

    /** The error whose students are shown, while it is among the frequent ones; else null. */
    public ClassError getChosenError() {
        return chosenError == null
                ? null
                : getFrequentErrors().stream()
                        .filter(error -> key(error).equals(chosenError))
                        .findFirst()
                        .orElse(null);
    }

    private static String key(ClassError error) {
        return error.kind() + ":" + error.name();
    }

    /** The students the filter and the search let through, who needs attention first. */
    public List<StudentActivity> getCards() {
        OffsetDateTime now = now();
        String searched = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Stream<StudentActivity> shown = students().stream()
                .filter(student -> searched.isEmpty()
                        || student.displayName().toLowerCase(Locale.ROOT).contains(searched)
                        || student.username().toLowerCase(Locale.ROOT).contains(searched))
                .filter(student -> passesFilter(student, now))
                .filter(this::metChosenError);
        return shown.sorted(new NeedsAttention(now)).toList();
    }

    private boolean metChosenError(StudentActivity student) {
        if (chosenError == null) {
            return true;
        }
        ClassError error = getChosenError();
        return error != null && error.studentIds().contains(student.studentId());
    }

    private boolean passesFilter(StudentActivity student, OffsetDateTime now) {
        if (filter == null || filter.isEmpty()) {
            return true;
        }
        if (NEEDS_HELP.equals(filter)) {
            return student.handRaisedAt() != null;
        }
        return student.status(now).name().equals(filter);
    }

    public String status(StudentActivity student) {
        return student.status(now()).label();
    }

    /** "status-error", "status-not_here", ...: the card's colour. */
    public String statusClass(StudentActivity student) {
        return "status-" + student.status(now()).name().toLowerCase(Locale.ROOT);
    }

    /** "4 min": how long the student's code has had its error; empty without one. */
    public String stuckFor(StudentActivity student) {
        return student.stuckSince() == null || student.lastError() == null
                ? ""
                : Elapsed.between(student.stuckSince(), now());
    }

    /** "2 min": how long the student has waited for help; empty without a raised hand. */
    public String waiting(StudentActivity student) {
        return student.handRaisedAt() == null ? "" : Elapsed.between(student.handRaisedAt(), now());
    }

    public StudentStatus[] getStatuses() {
        return StudentStatus.values();
    }

    public long getHandsRaised() {
        return students().stream()
                .filter(student -> student.handRaisedAt() != null)
                .count();
    }

    public int getStudentCount() {
        return students().size();
    }

    private List<StudentActivity> students() {
        if (students == null) {
            students = liveClass.students(currentUser.id(), coursePage.getCourseId());
            readAt = OffsetDateTime.now();
        }
        return students;
    }

    private OffsetDateTime now() {
        students();
        return readAt;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public int getWindowMinutes() {
        return windowMinutes;
    }

    public void setWindowMinutes(int windowMinutes) {
        this.windowMinutes = Math.max(1, Math.min(24 * 60, windowMinutes));
        frequentErrors = null;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
