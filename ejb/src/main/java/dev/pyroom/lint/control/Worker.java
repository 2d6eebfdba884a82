package dev.pyroom.lint.control;

import dev.pyroom.lint.control.LintException.Reason;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** One worker process, asked one request at a time; a request that outlives its timeout kills the worker. */
final class Worker implements AutoCloseable {

    private static final int STDERR_EXCERPT_BYTES = 2048;

    private final Process process;
    private final Writer requests;
    private final BufferedReader replies;
    private final ScheduledExecutorService watchdog;
    private int answered;
    private long residentBytes;
    private boolean spent;

    private Worker(Process process, ScheduledExecutorService watchdog) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.watchdog = watchdog;
    }

    /** Starts a worker, hands it its script, and waits until it is warm. */
    static Worker start(List<String> command, String script, Duration timeout, ScheduledExecutorService watchdog) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File("/"));
        // bubblewrap's own PID 1 would otherwise show the server's environment in /proc/1/environ.
        builder.environment().clear();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LintException(Reason.WORKER_FAILED, "cannot start a lint worker: " + e.getMessage());
        }
        Worker worker = new Worker(process, watchdog);
        Map<String, Object> hello = worker.exchange(Json.write(Map.of("script", script)), timeout, "start");
        if (!Boolean.TRUE.equals(hello.get("ready"))) {
            worker.close();
            throw new LintException(Reason.WORKER_FAILED, "lint worker greeted with " + hello);
        }
        return worker;
    }

    /** Sends one request and returns the worker's reply to it; a worker that fails this way is spent. */
    Map<String, Object> ask(Map<String, Object> request, Duration timeout) {
        Map<String, Object> reply = exchange(Json.write(request), timeout, "request " + request.get("id"));
        if (!request.get("id").equals(reply.get("id"))) {
            spent = true;
            throw new LintException(Reason.WORKER_FAILED, "lint worker answered out of turn");
        }
        answered++;
        if (reply.get("rss") instanceof Long rss) {
            residentBytes = rss;
        }
        if (Boolean.TRUE.equals(reply.get("retire"))) {
            spent = true;
        }
        if (reply.get("error") instanceof String error) {
            throw new LintException(Reason.WORKER_FAILED, "lint worker failed: " + error);
        }
        return reply;
    }

    private Map<String, Object> exchange(String line, Duration timeout, String what) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(
                () -> {
                    expired.set(true);
                    close();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            requests.write(line);
            requests.write('\n');
            requests.flush();
            String reply = replies.readLine();
            if (reply == null) {
                throw failure(expired.get(), what, timeout);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) Json.parse(reply);
            return fields;
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw failure(expired.get(), what, timeout);
        } finally {
            alarm.cancel(false);
            spent |= expired.get();
        }
    }

    private LintException failure(boolean expired, String what, Duration timeout) {
        spent = true;
        close();
        if (expired) {
            return new LintException(
                    Reason.TIMED_OUT,
                    "lint worker gave no answer to " + what + " within " + timeout.toMillis() + " ms");
        }
        return new LintException(Reason.WORKER_FAILED, "lint worker died during " + what + stderrExcerpt());
    }

    private String stderrExcerpt() {
        try {
            process.waitFor(1, TimeUnit.SECONDS);
            InputStream errors = process.getErrorStream();
            String text = new String(
                            errors.readNBytes(Math.min(errors.available(), STDERR_EXCERPT_BYTES)),
                            StandardCharsets.UTF_8)
                    .strip();
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Whether this worker may take another request, or should make room for a fresh one. */
    boolean isFit(int maxRequests, long maxResidentBytes) {
        return !spent && process.isAlive() && answered < maxRequests && residentBytes < maxResidentBytes;
    }

    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
