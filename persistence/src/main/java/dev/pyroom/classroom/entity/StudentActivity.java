package dev.pyroom.classroom.entity;

import java.time.OffsetDateTime;

/**
 * One row of the live class view: a student and the course workspace they worked in last.
 *
 * @param workspaceId null while the student has no copy of any of the course's assignments
 * @param sandboxState NONE, IDLE or RUNNING
 * @param lastActivity null when nothing happened yet
 * @param lastRun how the last run ended ("ok", "NameError", "timed out"), or null before the first run
 * @param lastRunFile the file the last run started, or null
 * @param topError the first error of the file with the most errors ("main.py:2 undefined-variable ..."), or null
 * @param topSymbol that error's kind, like {@code undefined-variable}, or null
 * @param topErrorFile the file holding that error, or null
 * @param cpuPercent the sandbox's CPU in percent of one core as last measured, or null
 * @param memoryBytes the sandbox's resident memory as last measured, or null
 * @param lastCheck how the student's last check of the workspace against its tests ended, or null before the first
 * @param testsPassed the tests that last check passed
 * @param testsTotal the tests that last check ran
 * @param stuckSince since when the student's code has had its current error: the first run of the latest streak
 *     ending in the same exception, else when the file's lint errors last changed; null without an error
 * @param handRaisedAt when the student asked for help, while the request is open; else null
 */
public record StudentActivity(
        long studentId,
        String displayName,
        String username,
        Long workspaceId,
        String workspaceName,
        boolean online,
        String sandboxState,
        OffsetDateTime lastActivity,
        String lastRun,
        String lastRunFile,
        int lintErrors,
        String topError,
        String topSymbol,
        String topErrorFile,
        Integer cpuPercent,
        Long memoryBytes,
        String lastCheck,
        int testsPassed,
        int testsTotal,
        OffsetDateTime stuckSince,
        OffsetDateTime handRaisedAt) {

    private static final long MIB = 1024 * 1024;

    /** "12 % · 40 MiB" while the sandbox is measured, else empty. */
    public String load() {
        if (cpuPercent == null || memoryBytes == null || "NONE".equals(sandboxState)) {
            return "";
        }
        return cpuPercent + " % · " + Math.max(1, memoryBytes / MIB) + " MiB";
    }

    /** The last check's result, "3/5" or "does not compile", or empty before the first check. */
    public String tests() {
        if (lastCheck == null) {
            return "";
        }
        if ("NOT_COMPILED".equals(lastCheck)) {
            return "does not compile";
        }
        return testsPassed + "/" + testsTotal;
    }

    /** The last check's share of passed tests, for sorting; -1 before the first check or when it did not compile. */
    public double testsShare() {
        return lastCheck == null || "NOT_COMPILED".equals(lastCheck) || testsTotal == 0
                ? -1
                : (double) testsPassed / testsTotal;
    }

    /** Whether the last run ended in an error of the program: an exception, an exit code, a limit. */
    public boolean lastRunFailed() {
        return lastRun != null && !"ok".equals(lastRun) && !"stopped".equals(lastRun);
    }

    /** The error the student's code has now: the last run's ("NameError"), else lint's ("undefined-variable"). */
    public String lastError() {
        if (lastRunFailed()) {
            return lastRun;
        }
        return lintErrors > 0 ? topSymbol : null;
    }

    /** What the student is doing, as the cockpit shows it. */
    public StudentStatus status(OffsetDateTime now) {
        return StudentStatus.of(this, now);
    }

    /** What the student seems stuck on, for the class-wide panel: "NameError in main.py", or null. */
    public String stuckOn() {
        if (lastRunFailed() && lastRunFile != null) {
            return lastRun + " in " + lastRunFile;
        }
        if (topSymbol != null && topErrorFile != null) {
            return topSymbol + " in " + topErrorFile;
        }
        return null;
    }
}
