package dev.pyroom.sandbox.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** What a {@code run} message asks for: the workspace by its number, and the file to run (main.py if none). */
record RunStart(long workspaceId, String entryFile) {

    private static final String DEFAULT_ENTRY_FILE = "main.py";

    /** A message that is not a run request as the editor sends it; the text says what is wrong with it. */
    static final class InvalidException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidException(String message) {
            super(message);
        }
    }

    static RunStart of(JsonObject message) throws InvalidException {
        JsonValue workspace = message.get("workspaceId");
        if (workspace == null) {
            throw new InvalidException("A run needs a workspaceId: the number of the workspace to run.");
        }
        long workspaceId = wholeNumber(workspace);
        JsonValue entry = message.get("entryFile");
        if (entry == null) {
            return new RunStart(workspaceId, DEFAULT_ENTRY_FILE);
        }
        if (!(entry instanceof JsonString path)) {
            throw new InvalidException("The entryFile must be text: the path of the file to run.");
        }
        return new RunStart(workspaceId, path.getString());
    }

    private static long wholeNumber(JsonValue workspace) throws InvalidException {
        try {
            if (workspace instanceof JsonNumber number && number.isIntegral()) {
                return number.longValueExact();
            }
        } catch (ArithmeticException e) {
            // Too large for any workspace: answered like any other non-number.
        }
        throw new InvalidException("The workspaceId must be a whole number.");
    }
}
