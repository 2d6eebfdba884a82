package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.SandboxUsage;
import dev.pyroom.workspace.control.FileChange;
import java.util.List;

/**
 * One session's isolated place to run programs: one run at a time, terminals alongside, and a workspace that only the
 * sandbox itself reads and writes. The host reaches the workspace through the methods below, never through the file
 * system, so no link, FIFO or hard link a program leaves there can lead the host anywhere.
 *
 * <p>The methods that wait for the sandbox's answer (the file methods and {@link #openTerminal}) must not be called
 * from a run or terminal listener, which runs on the thread that delivers those answers.
 */
public interface Sandbox extends AutoCloseable {

    /**
     * Starts the requested file as a fresh process. Output reaches the listener on a thread of the sandbox before the
     * run's result completes: each stream in its own order, stdout and stderr interleaved as the sandbox read them.
     *
     * @throws IllegalStateException when a run is still going or the sandbox has ended
     * @throws SandboxException when the sandbox could not be asked to run
     */
    Run start(RunRequest request, RunListener listener);

    /**
     * Starts the grader of unit tests ({@code sandbox/agent/pyroom_grader.py}) as this sandbox's run, under the same
     * one-run-at-a-time rule and limits as {@link #start}; the limits' processes are those of the tested code, the
     * grader adds its own two. Write its input with {@link Run#sendInput} and {@link Run#closeInput}: one JSON object
     * {@code {"tests": [{"id": "12", "source": "<python test source>", "timeLimitMs": 2000}, ...]}}. Its stdout, through
     * the listener, is one JSON object a line, one a test in input order, {@code {"id", "outcome", "message",
     * "expected", "actual", "output"}} with outcome {@code passed}, {@code failed}, {@code error}, {@code timeout} or
     * {@code not_compiled}, and then {@code {"done": true}}: a missing line or {@code done} means the grader was killed
     * (the student's code can do that), never that a test passed. Its stderr says what went wrong in the grader or
     * what the tests themselves printed. The wall time covers all tests; each test has its own time limit besides.
     *
     * <p>The tests pass through the agent's memory, which later runs of this sandbox are forked from: grade in a
     * sandbox of its own and close it afterwards, so that no program of the student runs in it later.
     *
     * @throws IllegalStateException when a run is still going or the sandbox has ended
     * @throws SandboxException when the sandbox could not be asked to grade
     */
    Run startGrader(RunLimits limits, RunListener listener);

    /**
     * The regular files and folders that are new or changed since the sandbox started or since the last call, then
     * the deletions; parents come before their children. Links, FIFOs, sockets and devices are never reported nor
     * followed, a file too large for a workspace comes back with content one byte longer than
     * {@code WorkspaceFile.MAX_SIZE_BYTES} (which {@code WorkspaceSync} refuses), and one call carries a bounded number
     * of entries and bytes: what is left over comes with the next call. Safe while programs run.
     *
     * @throws IllegalStateException when the sandbox has ended or when called from a listener
     * @throws SandboxException when the sandbox could not answer
     */
    List<FileChange> collectChanges();

    /**
     * Writes a file of the workspace, creating missing folders above it. A link, FIFO or file in its place is
     * replaced, never followed; what the host writes is not reported back by {@link #collectChanges}.
     *
     * @param path a workspace path such as {@code lesson/main.py}
     * @throws dev.pyroom.workspace.entity.InvalidNameException when the path is not a valid workspace path
     * @throws IllegalArgumentException when the content is larger than a workspace file may be
     * @throws SandboxException when the sandbox could not write it, for example because its workspace is full
     */
    void writeFile(String path, byte[] content);

    /**
     * Deletes a file, or a folder with everything in it; deleting what does not exist does nothing.
     *
     * @throws SandboxException when the sandbox could not delete it
     */
    void deleteFile(String path);

    /**
     * Creates a folder and any missing folders above it.
     *
     * @throws SandboxException when something other than a folder has that path
     */
    void makeFolder(String path);

    /**
     * Opens an interactive shell on a pseudo-terminal inside this sandbox, with its workspace, limits and isolation.
     * Output reaches the listener on a thread of the sandbox. Runs and terminals live side by side: ending a run ends
     * only the run's processes.
     *
     * @throws IllegalArgumentException when the size is out of range
     * @throws IllegalStateException when the sandbox has ended, has as many terminals open as it allows, or when
     *     called from a listener
     * @throws SandboxException when the sandbox could not start the shell
     */
    Terminal openTerminal(int cols, int rows, TerminalListener listener);

    /**
     * What the sandbox's processes use of the host: CPU time since it started, memory now.
     *
     * @throws IllegalStateException when the sandbox has ended or when called from a listener
     * @throws SandboxException when the sandbox could not answer
     */
    SandboxUsage usage();

    boolean isAlive();

    /** Kills everything running in the sandbox; a run still going ends as stopped, open terminals close. */
    @Override
    void close();
}
