package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.CourseLimits;
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

    private Integer wallSeconds;
    private Integer cpuSeconds;
    private Integer memoryMib;
    private Integer processes;
    private Integer outputKib;

    @PostConstruct
    void load() {
        CourseLimits current = limits.get(currentUser.id(), coursePage.getCourseId());
        wallSeconds = current.wallSeconds();
        cpuSeconds = current.cpuSeconds();
        memoryMib = current.memoryMib();
        processes = current.processes();
        outputKib = current.outputKib();
    }

    public void save() {
        try {
            limits.set(
                    currentUser.id(),
                    coursePage.getCourseId(),
                    new CourseLimits(wallSeconds, cpuSeconds, memoryMib, processes, outputKib));
            PageReplies.inform("New runs get these limits.");
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    public RunLimits getServer() {
        return limits.serverLimits();
    }

    public Integer getWallSeconds() {
        return wallSeconds;
    }

    public void setWallSeconds(Integer wallSeconds) {
        this.wallSeconds = wallSeconds;
    }

    public Integer getCpuSeconds() {
        return cpuSeconds;
    }

    public void setCpuSeconds(Integer cpuSeconds) {
        this.cpuSeconds = cpuSeconds;
    }

    public Integer getMemoryMib() {
        return memoryMib;
    }

    public void setMemoryMib(Integer memoryMib) {
        this.memoryMib = memoryMib;
    }

    public Integer getProcesses() {
        return processes;
    }

    public void setProcesses(Integer processes) {
        this.processes = processes;
    }

    public Integer getOutputKib() {
        return outputKib;
    }

    public void setOutputKib(Integer outputKib) {
        this.outputKib = outputKib;
    }
}
