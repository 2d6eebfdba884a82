package dev.pyroom.classroom.entity;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An open request for help in a course's queue, as its instructors see it.
 *
 * @param workspaceId the student's course workspace they asked from, or null when it is gone
 * @param file the file open in the student's editor when they asked, or null
 * @param note what the student wrote with the request, or null
 * @param runSummary how the workspace's last run before the request ended ("ok", "NameError", "timed out"), or null
 * @param errorName the exception that ended that run, or null
 * @param errorMessage the traceback's last line ("NameError: name 'x' is not defined"), or null
 * @param outputTail the end of that run's output, or null
 * @param answererName the instructor answering it, or null while nobody is
 */
public record HelpRequest(
        long id,
        long studentId,
        String studentName,
        Long workspaceId,
        String file,
        String note,
        String runSummary,
        String errorName,
        String errorMessage,
        String outputTail,
        OffsetDateTime askedAt,
        String answererName) {

    public HelpRequest {
        Objects.requireNonNull(studentName, "studentName");
        Objects.requireNonNull(askedAt, "askedAt");
    }

    public boolean answered() {
        return answererName != null;
    }

    /** The error the student met, as shown in the queue: the traceback's last line, else how the run ended. */
    public String error() {
        if (errorMessage != null) {
            return errorMessage;
        }
        return runSummary == null || "ok".equals(runSummary) ? "" : runSummary;
    }

    /** "just now", "1 min", "12 min", "1 h 5 min": how long the student has been waiting at {@code now}. */
    public String waitingAt(OffsetDateTime now) {
        return Elapsed.between(askedAt, now);
    }
}
