package dev.pyroom.grading.control;

import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.control.Sandbox;
import dev.pyroom.sandbox.control.SandboxException;
import dev.pyroom.sandbox.entity.RunLimits;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Compiles every Python file of the check's sandbox before any test runs, in the sandbox's grader: the files as the
 * student saved them, not as a program of theirs could leave them, and no program can pretend not to compile.
 */
final class CompileCheck {

    private static final Duration TIME = Duration.ofSeconds(10);
    private static final Duration REPORT_GRACE = Duration.ofSeconds(5);

    /** What the compiler said of a file, or that the check itself could not be made. */
    record Problem(boolean notCompiled, String message) {}

    private CompileCheck() {}

    /** The first file that does not compile, or the check breaking down; empty when every file compiles. */
    static Optional<Problem> run(Sandbox sandbox, RunLimits limits) {
        RunLimits compiling = limits.withWallTime(TIME).withCpuTime(TIME);
        CapturedOutput output = new CapturedOutput();
        try {
            Run run = sandbox.startGrader(compiling, output);
            run.sendInput("{\"compile\": true}");
            run.closeInput();
            run.result().get(TIME.plus(REPORT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (SandboxException | IllegalStateException | ExecutionException | TimeoutException e) {
            return Optional.of(new Problem(false, "The sandbox broke down while the files were compiled."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Problem(false, "The check was interrupted."));
        }
        GraderLines lines = GraderLines.parse(output.stdout());
        if (!lines.done()) {
            return Optional.of(new Problem(false, "The files could not be compiled: the grader stopped."));
        }
        return lines.objects().stream()
                .filter(line -> line.containsKey("file"))
                .findFirst()
                .map(line -> new Problem(
                        true,
                        line.getString("file", "?")
                                + (line.isNull("line") ? "" : ", line " + line.getInt("line"))
                                + " does not compile: " + line.getString("message", "")));
    }
}
