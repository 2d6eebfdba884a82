package dev.pyroom.history.entity;

/**
 * What lint found in one version of a file.
 *
 * @param tier FAST or DEEP: a deep result replaces a fast one of the same text, never the other way
 * @param topProblem the first error, else the first warning, as "line N: message"; null when there is neither
 */
public record VersionLint(String tier, int errors, int warnings, String topSymbol, String topProblem) {

    /** "No problems", "2 errors, 1 warning", ... */
    public String summary() {
        if (errors == 0 && warnings == 0) {
            return "No problems";
        }
        String errorText = errors == 1 ? "1 error" : errors + " errors";
        String warningText = warnings == 1 ? "1 warning" : warnings + " warnings";
        if (warnings == 0) {
            return errorText;
        }
        return errors == 0 ? warningText : errorText + ", " + warningText;
    }
}
