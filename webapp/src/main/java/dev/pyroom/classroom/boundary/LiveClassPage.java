package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.StudentActivity;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.model.LazyDataModel;

/** The live class view of a course page: every student's activity, and what most of them are stuck on. */
@Named
@ViewScoped
public class LiveClassPage implements Serializable {

    private static final int SHOWN_PROBLEMS = 5;

    @Inject
    LiveClass liveClass;

    @Inject
    CoursePage coursePage;

    @Inject
    CurrentUser currentUser;

    private transient List<StudentActivity> students;
    private final LazyDataModel<StudentActivity> model = new LiveClassModel(this::students);

    /** Called by the page's poll: the next render reads the class afresh, once. */
    public void refresh() {
        students = null;
    }

    List<StudentActivity> students() {
        if (students == null) {
            students = liveClass.students(currentUser.id(), coursePage.getCourseId());
        }
        return students;
    }

    public LazyDataModel<StudentActivity> getModel() {
        return model;
    }

    /** "12 students: NameError in main.py", most shared problem first. */
    public List<String> getCommonProblems() {
        Map<String, Long> counts = students().stream()
                .map(StudentActivity::stuckOn)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(SHOWN_PROBLEMS)
                .map(entry ->
                        entry.getValue() + (entry.getValue() == 1 ? " student: " : " students: ") + entry.getKey())
                .toList();
    }

    public long getOnlineCount() {
        return students().stream().filter(StudentActivity::online).count();
    }

    public int getStudentCount() {
        return students().size();
    }
}
