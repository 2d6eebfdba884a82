package dev.pyroom.lint.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.lint.control.LintException.Reason;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One worker process, asked one request at a time. The worker bounds each check's time itself; a worker that does not
 * answer within the watchdog's timeout is killed.
 */
final class Worker implements AutoCloseable {

    private static final int STDERR_EXCERPT_BYTES = 2048;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(1);

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

    /** Takes over a started worker process, hands it its script, and waits until it is warm. */
    static Worker start(Process process, String script, Duration timeout, ScheduledExecutorService watchdog) {
        Worker worker = new Worker(process, watchdog);
        JsonObject hello =
                worker.exchange(JSON.createObjectBuilder().add("script", script).build(), timeout, "start");
        if (!hello.getBoolean("ready", false)) {
            worker.close();
            throw new LintException(Reason.WORKER_FAILED, "lint worker greeted with " + hello);
        }
        return worker;
    }

    /**
     * Sends one request and returns the worker's reply to it.
     *
     * @throws LintException when the check timed out or could not be done (the worker stays fit), or when the worker
     *     failed (it is spent)
     */
    JsonObject ask(JsonObject request, Duration timeout) {
        JsonObject reply = exchange(request, timeout, "request " + request.get("id"));
        if (!request.get("id").equals(reply.get("id"))) {
            spent = true;
            throw new LintException(Reason.WORKER_FAILED, "lint worker answered out of turn");
        }
        answered++;
        if (reply.containsKey("rss")) {
            residentBytes = reply.getJsonNumber("rss").longValue();
        }
        spent |= reply.getBoolean("retire", false);
        if (reply.getBoolean("timeout", false)) {
            throw new LintException(Reason.TIMED_OUT, "lint gave up on the file: checking it took too long");
        }
        if (reply.get("error") instanceof JsonString error) {
            throw new LintException(spent ? Reason.WORKER_FAILED : Reason.UNCHECKABLE, error.getString());
        }
        return reply;
    }

    private JsonObject exchange(JsonObject message, Duration timeout, String what) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(
                () -> {
                    expired.set(true);
                    close();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            requests.write(message.toString());
            requests.write('\n');
            requests.flush();
            String reply = replies.readLine();
            if (reply == null) {
                throw failure(expired.get(), what, timeout);
            }
            return JSON.createReader(new StringReader(reply)).readObject();
        } catch (IOException | JsonException | ClassCastException e) {
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

    /** Waits, up to {@code deadline} ({@link System#nanoTime()}), for the worker's process to have exited. */
    void awaitExit(long deadline) throws InterruptedException {
        process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /**
     * Ends the worker: a worker whose input ends exits with its students' checkers, so that nothing is left for the
     * host's init to reap and its cgroup can be reused at once; one that does not exit in time is killed.
     */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // Already closed, or the worker is gone: the kill below settles it.
        }
        process.onExit()
                .completeOnTimeout(process, EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenRun(() -> {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                });
    }
}
