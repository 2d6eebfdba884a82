package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.CourseLimits;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.sandbox.control.SandboxSettings;
import dev.pyroom.sandbox.entity.RunLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;

/** Turns a course's limits into the limits of a run: the server's configured limits are the most a course may set. */
@Dependent
public class CourseRunLimits {

    private static final long MIB = 1024 * 1024;
    private static final long KIB = 1024;

    @Inject
    SandboxSettings settings;

    @Inject
    CourseLimitsRepository courses;

    /** The limits for a run in that workspace: its course's, or the server's when it belongs to no course. */
    public RunLimits forWorkspace(long workspaceId) {
        return courses.forWorkspace(workspaceId).map(this::apply).orElse(settings.runLimits());
    }

    /** The server's limits, the course's where it set one. */
    public RunLimits apply(CourseLimits limits) {
        RunLimits run = settings.runLimits();
        if (limits.wallSeconds() != null) {
            run = run.withWallTime(Duration.ofSeconds(limits.wallSeconds()));
        }
        if (limits.cpuSeconds() != null) {
            run = run.withCpuTime(Duration.ofSeconds(limits.cpuSeconds()));
        }
        if (limits.memoryMib() != null) {
            run = run.withMemoryBytes(limits.memoryMib() * MIB);
        }
        if (limits.processes() != null) {
            run = run.withProcesses(limits.processes());
        }
        if (limits.outputKib() != null) {
            run = run.withOutputBytes(limits.outputKib() * KIB);
        }
        return run;
    }

    /** @throws InvalidCourseException when a limit is above the server's */
    public void requireWithinServer(CourseLimits limits) {
        RunLimits max = settings.runLimits();
        atMost(limits.wallSeconds(), max.wallTime().toSeconds(), "Wall time", "s");
        atMost(limits.cpuSeconds(), max.cpuSeconds(), "Processor time", "s");
        atMost(limits.memoryMib(), max.memoryBytes() / MIB, "Memory", "MiB");
        atMost(limits.processes(), max.processes(), "Processes", "");
        atMost(limits.outputKib(), max.outputBytes() / KIB, "Output", "KiB");
    }

    /** The server's limits, which a course can only lower. */
    public RunLimits server() {
        return settings.runLimits();
    }

    private static void atMost(Integer value, long max, String what, String unit) {
        if (value != null && value > max) {
            throw new InvalidCourseException(
                    what + " can be at most " + max + (unit.isEmpty() ? "" : " " + unit) + " on this server.");
        }
    }
}
