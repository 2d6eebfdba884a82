package dev.pyroom.workspace.entity;

import java.util.regex.Pattern;

/**
 * A relative path inside a workspace, such as {@code src/main.py}. It can never point outside the workspace: no
 * absolute paths, no {@code .} or {@code ..} segments, no backslashes, no control characters.
 */
public record FilePath(String value) {

    public static final int MAX_LENGTH = 1024;
    private static final int MAX_SEGMENT_LENGTH = 255;
    private static final Pattern SEPARATOR = Pattern.compile("/");

    public FilePath {
        if (value == null || value.isBlank()) {
            throw new InvalidNameException("Please give the file a name.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidNameException("A path can have at most " + MAX_LENGTH + " characters.");
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            throw new InvalidNameException("A path cannot start or end with /.");
        }
        if (value.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
            throw new InvalidNameException("A path cannot contain \\ or control characters.");
        }
        for (String segment : SEPARATOR.split(value, -1)) {
            checkSegment(segment);
        }
    }

    private static void checkSegment(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw new InvalidNameException("A path cannot contain empty, \".\" or \"..\" parts.");
        }
        if (!segment.equals(segment.strip())) {
            throw new InvalidNameException("A file or folder name cannot start or end with a space.");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new InvalidNameException(
                    "A file or folder name can have at most " + MAX_SEGMENT_LENGTH + " characters.");
        }
    }

    /** The last segment: the file or folder's own name. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
