package dev.pyroom.history.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Map;

/** An instructor steps through how a student's file came to be, read-only. */
@Named
@ViewScoped
public class ReplayPage extends FileHistoryPage {

    private long courseId;

    @Override
    protected FileHistory.Viewer viewer() {
        return FileHistory.Viewer.instructor(callerId(), courseId);
    }

    @Override
    protected void readParameters(Map<String, String> parameters) {
        courseId = Long.parseLong(parameters.getOrDefault("course", ""));
    }

    public long getCourseId() {
        return courseId;
    }
}
