package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.CourseLimits;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.classroom.entity.ServerLimits;
import dev.pyroom.sandbox.control.SandboxSettings;
import dev.pyroom.sandbox.entity.RunLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Turns a course's limits into the limits of a run. The configured limits are the hard bounds; an admin may set lower
 * server-wide defaults and maximums (stored, so every node applies the same); a course may lower them further. Every
 * run is held to the current maximums, also in courses that set a higher value before the admin lowered them.
 */
@Dependent
public class CourseRunLimits {

    private static final long MIB = 1024 * 1024;
    private static final long KIB = 1024;

    @Inject
    SandboxSettings settings;

    @Inject
    CourseLimitsRepository courses;

    @Inject
    ServerLimitsRepository server;

    /** The limits for a run in that workspace: its course's, or the server's defaults when it belongs to no course. */
    public RunLimits forWorkspace(long workspaceId) {
        ServerLimits stored = stored();
        return courses.forWorkspace(workspaceId)
                .map(limits -> apply(limits, stored))
                .orElseGet(() -> defaults(stored));
    }

    /** The limits for a run in the course. */
    public RunLimits forCourse(long courseId) {
        return apply(courses.find(courseId));
    }

    /** The server's defaults, the course's where it set one, never above the server's maximums. */
    public RunLimits apply(CourseLimits limits) {
        return apply(limits, stored());
    }

    /** @throws InvalidCourseException when a limit is above the server's maximum */
    public void requireWithinServer(CourseLimits limits) {
        requireAtMost(limits, server(), "on this server");
    }

    /** @throws InvalidCourseException when a value the admin set is above the configured bound */
    public void requireWithinConfiguration(ServerLimits limits) {
        requireAtMost(limits.defaults(), settings.runLimits(), "in this server's configuration");
        requireAtMost(limits.maximums(), settings.runLimits(), "in this server's configuration");
    }

    /** The server's maximums, which a course can only lower. */
    public RunLimits server() {
        return server(stored());
    }

    /** What a run gets where its course set nothing. */
    public RunLimits defaults() {
        return defaults(stored());
    }

    /** The limits as configured: the starting values and the hard bounds. */
    public RunLimits configured() {
        return settings.runLimits();
    }

    /** What the admin set; null fields keep the configured values. */
    public ServerLimits stored() {
        return server.find();
    }

    private RunLimits apply(CourseLimits limits, ServerLimits stored) {
        return clamp(overlay(defaults(stored), limits), server(stored));
    }

    private RunLimits server(ServerLimits stored) {
        RunLimits configured = settings.runLimits();
        return clamp(overlay(configured, stored.maximums()), configured);
    }

    private RunLimits defaults(ServerLimits stored) {
        return clamp(overlay(settings.runLimits(), stored.defaults()), server(stored));
    }

    private static RunLimits overlay(RunLimits run, CourseLimits limits) {
        RunLimits result = run;
        if (limits.wallSeconds() != null) {
            result = result.withWallTime(Duration.ofSeconds(limits.wallSeconds()));
        }
        if (limits.cpuSeconds() != null) {
            result = result.withCpuTime(Duration.ofSeconds(limits.cpuSeconds()));
        }
        if (limits.memoryMib() != null) {
            result = result.withMemoryBytes(limits.memoryMib() * MIB);
        }
        if (limits.processes() != null) {
            result = result.withProcesses(limits.processes());
        }
        if (limits.outputKib() != null) {
            result = result.withOutputBytes(limits.outputKib() * KIB);
        }
        return result;
    }

    private static RunLimits clamp(RunLimits run, RunLimits max) {
        return run.withWallTime(min(run.wallTime(), max.wallTime()))
                .withCpuTime(min(run.cpuTime(), max.cpuTime()))
                .withMemoryBytes(Math.min(run.memoryBytes(), max.memoryBytes()))
                .withProcesses(Math.min(run.processes(), max.processes()))
                .withOutputBytes(Math.min(run.outputBytes(), max.outputBytes()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void requireAtMost(CourseLimits limits, RunLimits max, String where) {
        atMost(limits.wallSeconds(), max.wallTime().toSeconds(), "Wall time", "s", where);
        atMost(limits.cpuSeconds(), max.cpuSeconds(), "Processor time", "s", where);
        atMost(limits.memoryMib(), max.memoryBytes() / MIB, "Memory", "MiB", where);
        atMost(limits.processes(), max.processes(), "Processes", "", where);
        atMost(limits.outputKib(), max.outputBytes() / KIB, "Output", "KiB", where);
    }

    private static void atMost(Integer value, long max, String what, String unit, String where) {
        if (value != null && value > max) {
            throw new InvalidCourseException(
                    what + " can be at most " + max + (unit.isEmpty() ? "" : " " + unit) + " " + where + ".");
        }
    }
}
