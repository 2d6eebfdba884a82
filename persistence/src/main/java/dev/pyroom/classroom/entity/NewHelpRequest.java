package dev.pyroom.classroom.entity;

/**
 * A student asking for help in a course, with what their workspace showed when they asked.
 *
 * @param file the file open in the editor, or null
 * @param note what the student wants to say, or null; at most {@link #MAX_NOTE} characters
 * @param runSummary how the workspace's last run ended, or null before its first run
 * @param errorName the exception that ended that run, or null
 * @param errorMessage the traceback's last line, or null
 * @param outputTail the end of that run's output, or null
 */
public record NewHelpRequest(
        long courseId,
        long studentId,
        long workspaceId,
        String file,
        String note,
        String runSummary,
        String errorName,
        String errorMessage,
        String outputTail) {

    public static final int MAX_NOTE = 500;
    public static final int MAX_FILE = 1024;

    public NewHelpRequest {
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidCourseException("A note can be at most " + MAX_NOTE + " characters.");
        }
        if (file != null && (file.isBlank() || file.length() > MAX_FILE)) {
            file = null;
        }
    }
}
