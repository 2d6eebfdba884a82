package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.sandbox.entity.RunLimits;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The sandbox limits part of a course page; an empty field keeps the server's limit. */
@Named
@ViewScoped
public class LimitsPage implements Serializable {

    @Inject
    CourseSandboxLimits limits;

    @Inject
    CoursePage coursePage;

    @Inject
    CurrentUser currentUser;

    private LimitFields fields;

    @PostConstruct
    void load() {
        fields = LimitFields.of(limits.get(currentUser.id(), coursePage.getCourseId()));
    }

    public void save() {
        try {
            limits.set(currentUser.id(), coursePage.getCourseId(), fields.toLimits());
            PageReplies.inform("New runs get these limits.");
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    public RunLimits getServer() {
        return limits.serverLimits();
    }

    public LimitFields getFields() {
        return fields;
    }
}
