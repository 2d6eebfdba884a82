package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.classroom.entity.ServerLimits;
import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.sandbox.entity.RunLimits;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The admin's page for the server-wide run defaults and maximums; an empty field keeps the configured value. */
@Named
@ViewScoped
public class ServerLimitsPage implements Serializable {

    @Inject
    ServerRunLimits limits;

    @Inject
    CurrentUser currentUser;

    private LimitFields defaults;
    private LimitFields maximums;

    @PostConstruct
    void load() {
        ServerLimits current = limits.get();
        defaults = LimitFields.of(current.defaults());
        maximums = LimitFields.of(current.maximums());
    }

    public void save() {
        try {
            limits.set(currentUser.id(), new ServerLimits(defaults.toLimits(), maximums.toLimits()));
            PageReplies.inform("Runs started from now on, on every node, get these limits.");
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    public RunLimits getConfigured() {
        return limits.configured();
    }

    public LimitFields getDefaults() {
        return defaults;
    }

    public LimitFields getMaximums() {
        return maximums;
    }
}
