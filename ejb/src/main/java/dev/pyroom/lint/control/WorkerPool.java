package dev.pyroom.lint.control;

import dev.pyroom.lint.control.LintException.Reason;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of workers of one tier. A worker that fails, dies, or wears out (too many requests, too much
 * memory) is closed and replaced in the background, so that callers only ever wait for an idle worker.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    /** How often a waiting request looks whether it is still wanted. */
    private static final Duration WANTED_CHECK = Duration.ofMillis(50);

    private final String name;
    private final int size;
    private final Supplier<Worker> starter;
    private final int maxRequests;
    private final long maxResidentBytes;
    private final ScheduledExecutorService background;
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final Set<Worker> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean closed;

    private WorkerPool(
            String name,
            int size,
            Supplier<Worker> starter,
            LintSettings settings,
            ScheduledExecutorService background) {
        this.name = name;
        this.size = size;
        this.starter = starter;
        this.maxRequests = settings.recycleAfterRequests();
        this.maxResidentBytes = settings.recycleAboveRssBytes();
        this.background = background;
    }

    /**
     * Starts a pool's workers in the background; requests wait for the first one to be ready.
     *
     * @param background runs the (re)starts of workers, one at a time, so that restarts never crowd the machine
     */
    static WorkerPool start(
            String name,
            int size,
            Supplier<Worker> starter,
            LintSettings settings,
            ScheduledExecutorService background) {
        WorkerPool pool = new WorkerPool(name, size, starter, settings, background);
        for (int i = 0; i < size; i++) {
            pool.submit(() -> pool.addWorker(FIRST_RETRY), Duration.ZERO);
        }
        return pool;
    }

    /** Asks an idle worker, waiting at most {@code timeout} for one to be free and as long again for its answer. */
    JsonObject ask(JsonObject request, Duration timeout) {
        return ask(request, timeout, () -> true);
    }

    /**
     * As {@link #ask(JsonObject, Duration)}, for a request that may stop being wanted while it waits for a worker (a
     * newer version of the same document arrived): it then gives up at once, before any worker checks it.
     *
     * @throws LintException {@link Reason#SUPERSEDED} when it is no longer wanted
     */
    JsonObject ask(JsonObject request, Duration timeout, BooleanSupplier wanted) {
        Worker worker = borrow(timeout, wanted);
        try {
            if (!wanted.getAsBoolean()) {
                throw superseded();
            }
            return worker.ask(request, timeout);
        } finally {
            giveBack(worker);
        }
    }

    /** Requests waiting for a free worker now. */
    int waiting() {
        return waiting.get();
    }

    private Worker borrow(Duration timeout, BooleanSupplier wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            while (!closed && wanted.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Worker worker = idle.poll(Math.min(left, WANTED_CHECK.toNanos()), TimeUnit.NANOSECONDS);
                if (worker != null && worker.isFit(maxRequests, maxResidentBytes)) {
                    return worker;
                }
                if (worker != null) {
                    retire(worker);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        if (!wanted.getAsBoolean()) {
            throw superseded();
        }
        throw new LintException(
                Reason.BUSY, "no " + name + " lint worker was free within " + timeout.toMillis() + " ms");
    }

    private static LintException superseded() {
        return new LintException(
                Reason.SUPERSEDED, "a newer version of the document was sent: this one was not checked");
    }

    private void giveBack(Worker worker) {
        if (!closed && worker.isFit(maxRequests, maxResidentBytes)) {
            idle.add(worker);
        } else {
            retire(worker);
        }
    }

    private void retire(Worker worker) {
        worker.close();
        if (live.remove(worker) && !closed) {
            submit(() -> addWorker(FIRST_RETRY), Duration.ZERO);
        }
    }

    private void addWorker(Duration retryAfter) {
        if (closed) {
            return;
        }
        try {
            Worker worker = starter.get();
            live.add(worker);
            idle.add(worker);
            // A worker dying while idle is replaced at once rather than when a request finds it dead.
            worker.onExit(() -> {
                if (idle.remove(worker)) {
                    retire(worker);
                }
            });
            if (closed) {
                close();
            }
            synchronized (this) {
                notifyAll();
            }
        } catch (LintException e) {
            LOG.log(Level.WARNING, "{0} lint worker did not start, next try in {1} s: {2}", new Object[] {
                name, retryAfter.toSeconds(), e.getMessage()
            });
            Duration next = retryAfter.multipliedBy(2);
            submit(() -> addWorker(next.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : next), retryAfter);
        }
    }

    private void submit(Runnable task, Duration delay) {
        try {
            background.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The pool is closing: nothing to start any more.
        }
    }

    /** Waits until every worker of the pool has started once, or the timeout passes. */
    synchronized boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (live.size() < size) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Ends every worker and waits a little for them to have exited, so that their cgroups can be removed. */
    @Override
    public void close() {
        closed = true;
        live.forEach(Worker::close);
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (Worker worker : live) {
                worker.awaitExit(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.clear();
        idle.clear();
    }
}
