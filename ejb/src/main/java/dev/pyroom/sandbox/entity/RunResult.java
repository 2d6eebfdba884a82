package dev.pyroom.sandbox.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run ended.
 *
 * @param exitCode the program's exit status for {@link RunEnding#EXITED}, 128 plus the signal number when a signal
 *     the sandbox did not send ended it, as a shell would show; meaningless for the other endings
 * @param duration from the start of the program to its end
 * @param outputTruncated whether output was dropped because of the output limit
 */
public record RunResult(RunEnding ending, int exitCode, Duration duration, boolean outputTruncated) {

    public RunResult {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(duration, "duration");
    }

    public static RunResult sandboxFailed(Duration duration) {
        return new RunResult(RunEnding.SANDBOX_FAILED, -1, duration, false);
    }

    public static RunResult stopped(Duration duration) {
        return new RunResult(RunEnding.STOPPED, -1, duration, false);
    }
}
