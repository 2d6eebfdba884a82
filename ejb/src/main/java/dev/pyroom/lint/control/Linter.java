package dev.pyroom.lint.control;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.lint.control.LintException.Reason;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Tier;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Checks Python documents in two tiers, each served by its own pool of warm, sandboxed worker processes. Safe to
 * call from many threads; a call blocks until a worker answers or the tier's timeout passes.
 *
 * <p>Each request names its tenant, the student it is checked for: a worker checks each tenant's documents in a
 * process of that tenant's own, so that nothing one student sends can be seen in, or change, another's answers.
 * {@link Completions} asks the fast tier's workers too.
 */
public final class Linter implements AutoCloseable {

    private static final String WORKER_SCRIPT = "/lint/worker.py";
    /** Sent ahead of the worker's script, in the same namespace: the fast tier's completion. */
    private static final String COMPLETION_SCRIPT = "/lint/completion.py";
    /**
     * A check's limit is CPU time: on a busy machine the worker lets it take up to twice as long on the clock. A
     * student's first check also makes their checker (the worker allows it 3 s more, doubled as well), and an
     * overrun check is reported rather than answered: the host waits for all of that before it gives up on a worker.
     */
    private static final int STARVED_WALL_FACTOR = 2;

    private static final Duration ANSWER_GRACE = Duration.ofSeconds(8);

    private final LintSettings settings;
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicLong tickets = new AtomicLong();
    /** The newest request of each document that is waiting or being checked, by tenant, document and tier. */
    private final Map<String, Long> newest = new ConcurrentHashMap<>();

    private final WorkerProcesses processes;
    private final ScheduledExecutorService watchdog;
    private final ScheduledExecutorService starter;
    private final WorkerPool fast;
    private final WorkerPool deep;

    /** Starts the workers in the background; the first requests wait for them. */
    public Linter(LintSettings settings, ThreadFactory threads) {
        this.settings = settings;
        String script = resource(COMPLETION_SCRIPT) + "\n" + resource(WORKER_SCRIPT);
        processes = WorkerProcesses.prepare(settings);
        watchdog = Executors.newSingleThreadScheduledExecutor(threads);
        starter = Executors.newSingleThreadScheduledExecutor(threads);
        fast = WorkerPool.start(
                "fast",
                settings.fastWorkers(),
                settings.fastMaxWaiting(),
                starting(Tier.FAST, script),
                settings,
                starter);
        deep = WorkerPool.start(
                "deep",
                settings.deepWorkers(),
                settings.deepMaxWaiting(),
                starting(Tier.DEEP, script),
                settings,
                starter);
    }

    private Supplier<Worker> starting(Tier tier, String script) {
        return () -> {
            Process process;
            try {
                process = processes.start(tier);
            } catch (IOException e) {
                throw new LintException(Reason.WORKER_FAILED, "cannot start a lint worker: " + e.getMessage());
            }
            return Worker.start(process, script, settings.startTimeout(), watchdog);
        };
    }

    /** Checks one version of a document for a tenant; the document is known by its file name alone. */
    public LintResult lint(String tenant, Tier tier, LintRequest request) {
        return lint(tenant, request.filename(), tier, request);
    }

    /**
     * Checks one version of a document for a tenant. While it waits for a worker, a newer version of the same
     * document (same tenant, document and tier) replaces it: an editor that typed on has no use for the older answer.
     *
     * @param tenant who the document is checked for (a user's stable name): each tenant's checks run apart from every
     *     other tenant's
     * @param document which of the tenant's documents this is (for example a workspace and path)
     * @return what the tier found, tagged with the request's document version
     * @throws LintException when the document is too large or cannot be checked, no worker answered in time, or a
     *     newer version replaced it ({@link Reason#SUPERSEDED})
     */
    public LintResult lint(String tenant, String document, Tier tier, LintRequest request) {
        if (request.source().length() > settings.maxSourceChars()) {
            throw new LintException(
                    Reason.TOO_LARGE,
                    "the file has " + request.source().length() + " characters; lint checks files of up to "
                            + settings.maxSourceChars());
        }
        JsonObject reply = askNewest(
                tenant,
                document,
                tier.name().toLowerCase(Locale.ROOT),
                JSON.createObjectBuilder().add("filename", request.filename()).add("source", request.source()),
                limit(tier));
        return new LintResult(request.documentVersion(), tier, DiagnosticReader.read(reply));
    }

    /**
     * Asks the worker of the tenant's slot (the fast tier's unless {@code kind} is deep), unless a newer request of the
     * same kind for the same document arrives first.
     */
    JsonObject askNewest(String tenant, String document, String kind, JsonObjectBuilder request, Duration limit) {
        String owner = opaque(tenant);
        String key = owner + '\n' + document + '\n' + kind;
        long ticket = tickets.incrementAndGet();
        newest.merge(key, ticket, Math::max);
        try {
            return (kind.equals("deep") ? deep : fast)
                    .ask(
                            request.add("id", requestIds.incrementAndGet())
                                    .add("type", kind)
                                    .add("tenant", owner)
                                    .add("seconds", limit.toMillis() / 1000.0)
                                    .build(),
                            limit.multipliedBy(STARVED_WALL_FACTOR).plus(ANSWER_GRACE),
                            owner.hashCode(),
                            () -> Long.valueOf(ticket).equals(newest.get(key)));
        } finally {
            newest.remove(key, ticket);
        }
    }

    LintSettings settings() {
        return settings;
    }

    /** Requests of a tier waiting for a free worker now. */
    public int waiting(Tier tier) {
        return pool(tier).waiting();
    }

    /** pylint's own definition of a message, by id ({@code W0611}) or symbol ({@code unused-import}). */
    Optional<PylintMessage> describe(String message) {
        JsonObject reply = deep.ask(
                JSON.createObjectBuilder()
                        .add("id", requestIds.incrementAndGet())
                        .add("type", "describe")
                        .add("message", message)
                        .build(),
                settings.deepTimeout());
        if (!(reply.get("definition") instanceof JsonObject definition)) {
            return Optional.empty();
        }
        return Optional.of(new PylintMessage(
                definition.getString("code"), definition.getString("symbol"), definition.getString("description")));
    }

    /** Waits until every worker has started once: for readiness checks and for measurements. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return fast.awaitReady(timeout) && deep.awaitReady(Duration.ofNanos(deadline - System.nanoTime()));
    }

    private WorkerPool pool(Tier tier) {
        return tier == Tier.FAST ? fast : deep;
    }

    private Duration limit(Tier tier) {
        return tier == Tier.FAST ? settings.fastTimeout() : settings.deepTimeout();
    }

    /** Workers need to tell tenants apart, not to know who they are. */
    private static String opaque(String tenant) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tenant.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Linter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
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
        processes.close();
    }
}
