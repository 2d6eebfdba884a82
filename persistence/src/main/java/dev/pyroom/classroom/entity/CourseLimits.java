package dev.pyroom.classroom.entity;

/**
 * The sandbox limits a course sets for its students' runs; a null field keeps the server's value.
 *
 * @param wallSeconds real time a run may take
 * @param cpuSeconds processor time of a run
 * @param memoryMib memory of everything in the sandbox during a run
 * @param processes processes and threads a run may have
 * @param outputKib stdout and stderr together
 */
public record CourseLimits(
        Integer wallSeconds, Integer cpuSeconds, Integer memoryMib, Integer processes, Integer outputKib) {

    public static final CourseLimits SERVER_DEFAULTS = new CourseLimits(null, null, null, null, null);

    public CourseLimits {
        positive(wallSeconds, "wall time");
        positive(cpuSeconds, "processor time");
        positive(memoryMib, "memory");
        positive(processes, "processes");
        positive(outputKib, "output");
    }

    private static void positive(Integer value, String what) {
        if (value != null && value <= 0) {
            throw new InvalidCourseException("The " + what + " limit must be above zero.");
        }
    }
}
