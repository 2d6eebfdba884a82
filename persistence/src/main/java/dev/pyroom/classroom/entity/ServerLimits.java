package dev.pyroom.classroom.entity;

import java.util.Objects;

/**
 * The run limits an admin sets for the whole server, in the units of {@link CourseLimits}; a null field keeps the
 * configured value.
 *
 * @param defaults what a run gets where its course set nothing
 * @param maximums the most a course may set, and the most any run gets
 */
public record ServerLimits(CourseLimits defaults, CourseLimits maximums) {

    public static final ServerLimits CONFIGURED =
            new ServerLimits(CourseLimits.SERVER_DEFAULTS, CourseLimits.SERVER_DEFAULTS);

    public ServerLimits {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(maximums, "maximums");
        notAbove(defaults.wallSeconds(), maximums.wallSeconds(), "wall time");
        notAbove(defaults.cpuSeconds(), maximums.cpuSeconds(), "processor time");
        notAbove(defaults.memoryMib(), maximums.memoryMib(), "memory");
        notAbove(defaults.processes(), maximums.processes(), "processes");
        notAbove(defaults.outputKib(), maximums.outputKib(), "output");
    }

    private static void notAbove(Integer value, Integer max, String what) {
        if (value != null && max != null && value > max) {
            throw new InvalidCourseException(
                    "The default " + what + " (" + value + ") cannot be above its maximum (" + max + ").");
        }
    }
}
