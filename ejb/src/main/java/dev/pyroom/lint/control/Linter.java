package dev.pyroom.lint.control;

import dev.pyroom.lint.control.LintException.Reason;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Checks Python documents in two tiers, each served by its own pool of warm, sandboxed worker processes. Safe to
 * call from many threads; a call blocks until a worker answers or the tier's timeout passes.
 */
public final class Linter implements AutoCloseable {

    private static final String WORKER_SCRIPT = "/lint/worker.py";

    private final LintSettings settings;
    private final AtomicLong requestIds = new AtomicLong();
    private final ScheduledExecutorService watchdog;
    private final ScheduledExecutorService starter;
    private final WorkerPool fast;
    private final WorkerPool deep;

    /** Starts the workers in the background; the first requests wait for them. */
    public Linter(LintSettings settings, ThreadFactory threads) {
        this.settings = settings;
        String script = workerScript();
        watchdog = Executors.newSingleThreadScheduledExecutor(threads);
        starter = Executors.newSingleThreadScheduledExecutor(threads);
        fast = WorkerPool.start("fast", settings.fastWorkers(), starting(Tier.FAST, script), settings, starter);
        deep = WorkerPool.start("deep", settings.deepWorkers(), starting(Tier.DEEP, script), settings, starter);
    }

    private Supplier<Worker> starting(Tier tier, String script) {
        return () -> Worker.start(WorkerCommand.of(settings, tier), script, settings.startTimeout(), watchdog);
    }

    /**
     * Checks one version of a document.
     *
     * @return what the tier found, tagged with the request's document version
     * @throws LintException when the document is too large, or no worker answered in time
     */
    public LintResult lint(Tier tier, LintRequest request) {
        if (request.source().length() > settings.maxSourceChars()) {
            throw new LintException(
                    Reason.TOO_LARGE,
                    "the file has " + request.source().length() + " characters; lint checks files of up to "
                            + settings.maxSourceChars());
        }
        Map<String, Object> reply = pool(tier)
                .ask(
                        Map.of(
                                "id", requestIds.incrementAndGet(),
                                "type", tier.name().toLowerCase(Locale.ROOT),
                                "filename", request.filename(),
                                "source", request.source()),
                        timeout(tier));
        return new LintResult(request.documentVersion(), tier, DiagnosticReader.read(reply.get("diagnostics")));
    }

    /** pylint's own definition of a message, by id ({@code W0611}) or symbol ({@code unused-import}). */
    Optional<PylintMessage> describe(String message) {
        Map<String, Object> reply = deep.ask(
                Map.of("id", requestIds.incrementAndGet(), "type", "describe", "message", message),
                settings.deepTimeout());
        if (!(reply.get("definition") instanceof Map<?, ?> definition)) {
            return Optional.empty();
        }
        return Optional.of(
                new PylintMessage((String) definition.get("code"), (String) definition.get("symbol"), (String)
                        definition.get("description")));
    }

    /** Waits until every worker has started once: for readiness checks and for measurements. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return fast.awaitReady(timeout) && deep.awaitReady(Duration.ofNanos(deadline - System.nanoTime()));
    }

    private WorkerPool pool(Tier tier) {
        return tier == Tier.FAST ? fast : deep;
    }

    private Duration timeout(Tier tier) {
        return tier == Tier.FAST ? settings.fastTimeout() : settings.deepTimeout();
    }

    private static String workerScript() {
        try (InputStream in = Linter.class.getResourceAsStream(WORKER_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WORKER_SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every worker. */
    @Override
    public void close() {
        starter.shutdownNow();
        fast.close();
        deep.close();
        watchdog.shutdownNow();
    }
}
