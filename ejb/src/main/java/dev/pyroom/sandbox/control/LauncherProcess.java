package dev.pyroom.sandbox.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The host process that holds a bubblewrap sandbox, with the file its stderr goes to and the cgroup it enters. */
final class LauncherProcess implements AgentProcess {

    private static final Logger LOG = Logger.getLogger(LauncherProcess.class.getName());
    private static final Duration GRACEFUL_EXIT_WAIT = Duration.ofSeconds(2);
    private static final Duration KILLED_EXIT_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final Path errorLog;
    private final CgroupSlot cgroup;

    private LauncherProcess(Process process, Path errorLog, CgroupSlot cgroup) {
        this.process = process;
        this.errorLog = errorLog;
        this.cgroup = cgroup;
    }

    static LauncherProcess start(ProcessBuilder builder, Path errorLog, CgroupSlot cgroup) throws IOException {
        try {
            return new LauncherProcess(builder.redirectError(errorLog.toFile()).start(), errorLog, cgroup);
        } catch (IOException e) {
            deleteQuietly(errorLog);
            throw e;
        }
    }

    @Override
    public InputStream stdout() {
        return process.getInputStream();
    }

    @Override
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public void admit() throws IOException {
        cgroup.enter(process.pid());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the launcher to exit once its sandbox has been told to end, killing it if it does not. Killing bwrap
     * first would leave the agent to be reaped by the host's init, whenever that gets round to it, and the sandbox's
     * cgroup could not be reused until then.
     */
    @Override
    public void awaitExit() {
        try {
            if (process.waitFor(GRACEFUL_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            LOG.warning("sandbox did not end when asked; killing it");
            process.destroyForcibly();
            if (!process.waitFor(KILLED_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("sandbox launcher did not exit after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** What the launcher wrote to stderr; the log is deleted. */
    @Override
    public String takeErrors() {
        try {
            return Files.readString(errorLog).strip();
        } catch (IOException e) {
            return "";
        } finally {
            deleteQuietly(errorLog);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + file, e);
        }
    }
}
