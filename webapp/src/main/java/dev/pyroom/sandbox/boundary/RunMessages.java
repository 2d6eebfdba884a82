package dev.pyroom.sandbox.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.explain.entity.RunExplanation;
import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import jakarta.json.JsonObject;
import java.util.Base64;

/** The messages the run WebSocket sends, and the closing line a student reads. */
final class RunMessages {

    private static final long MB = 1000 * 1000;

    private RunMessages() {}

    static JsonObject output(OutputChunk chunk) {
        return JSON.createObjectBuilder()
                .add("type", "output")
                .add("stream", chunk.stream().name().toLowerCase())
                .add("text", chunk.text())
                .build();
    }

    /** A figure the program showed: a PNG the browser shows as an image, never as markup. */
    static JsonObject figure(Figure figure) {
        return JSON.createObjectBuilder()
                .add("type", "image")
                .add("mediaType", "image/png")
                .add("figure", figure.number())
                .add("data", Base64.getEncoder().encodeToString(figure.png()))
                .build();
    }

    static JsonObject end(RunResult result, RunLimits limits) {
        return JSON.createObjectBuilder()
                .add("type", "end")
                .add("ending", result.ending().name())
                .add("exitCode", result.exitCode())
                .add("durationMs", result.duration().toMillis())
                .add("text", endLine(result, limits))
                .build();
    }

    /** Why the run ended badly, in plain language: sent after the output, before the closing line. */
    static JsonObject explanation(RunExplanation explanation) {
        return JSON.createObjectBuilder()
                .add("type", "explanation")
                .add("key", explanation.key())
                .add("exception", explanation.exception())
                .add("title", explanation.title())
                .add("text", explanation.text())
                .add("suggestion", explanation.suggestion())
                .add("file", explanation.file())
                .add("line", explanation.line())
                .build();
    }

    /** Something the student should know that ends nothing: shown in the output, the run goes on. */
    static JsonObject notice(String text) {
        return JSON.createObjectBuilder()
                .add("type", "notice")
                .add("text", text)
                .build();
    }

    static JsonObject dropped() {
        return notice(BrowserQueues.DROPPED);
    }

    static JsonObject error(String text) {
        return JSON.createObjectBuilder().add("type", "error").add("text", text).build();
    }

    static String endLine(RunResult result, RunLimits limits) {
        String line = switch (result.ending()) {
            case EXITED ->
                result.exitCode() == 0
                        ? "Program finished (exit code 0)."
                        : "Program ended with exit code " + result.exitCode() + ".";
            case TIMED_OUT -> "Stopped: time limit " + limits.wallTime().toSeconds() + " s.";
            case CPU_LIMIT -> "Stopped: processor time limit " + limits.cpuSeconds() + " s.";
            case OUT_OF_MEMORY -> "Stopped: out of memory (" + limits.memoryBytes() / MB + " MB).";
            case OUTPUT_LIMIT -> "Stopped: too much output (" + limits.outputBytes() / MB + " MB).";
            case FILE_SIZE_LIMIT -> "Stopped: a file grew past " + limits.fileSizeBytes() / MB + " MB.";
            case STOPPED -> "Stopped.";
            case SANDBOX_FAILED -> "The sandbox failed; please run again.";
        };
        return result.outputTruncated() ? line + " Output was cut short." : line;
    }
}
