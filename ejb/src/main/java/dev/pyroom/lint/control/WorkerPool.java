package dev.pyroom.lint.control;

import dev.pyroom.lint.control.LintException.Reason;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * A fixed number of workers of one tier. A worker that fails, dies, or wears out (too many requests, too much
 * memory) is closed and replaced in the background, so that callers only ever wait for an idle worker.
 *
 * <p>Each worker keeps a checker per student, which costs memory and a slow first check: a student's requests go to
 * the same worker (their slot, by an affinity key), so that a class costs one checker per student, not one per
 * student and worker. Only while a slot has no live worker (being replaced) do its requests go to another one.
 *
 * <p>Each slot lets a bounded number of requests wait: beyond it a request is refused at once as busy. A waiting
 * request holds the thread of the HTTP request that asked, and a class arriving at once would otherwise park all of
 * them there, leaving none for sign-ins, pages and runs.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    /** How often a waiting request looks whether it is still wanted. */
    private static final Duration WANTED_CHECK = Duration.ofMillis(50);

    private final String name;
    private final Supplier<Worker> starter;
    private final int maxWaiting;
    private final int maxRequests;
    private final long maxResidentBytes;
    private final ScheduledExecutorService background;
    private final List<Slot> slots;
    private final AtomicInteger anyNext = new AtomicInteger();
    private volatile boolean closed;

    /** One worker's place in the pool: its live worker (none while it is replaced) and, while idle, that worker. */
    private static final class Slot {
        final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
        final AtomicInteger waiting = new AtomicInteger();
        volatile Worker live;
    }

    private WorkerPool(
            String name,
            int size,
            int maxWaiting,
            Supplier<Worker> starter,
            LintSettings settings,
            ScheduledExecutorService background) {
        this.name = name;
        this.maxWaiting = maxWaiting;
        this.starter = starter;
        this.maxRequests = settings.recycleAfterRequests();
        this.maxResidentBytes = settings.recycleAboveRssBytes();
        this.background = background;
        this.slots = IntStream.range(0, size).mapToObj(i -> new Slot()).toList();
    }

    /**
     * Starts a pool's workers in the background; requests wait for the first one to be ready.
     *
     * @param maxWaiting how many requests may wait for each worker
     * @param background runs the (re)starts of workers, one at a time, so that restarts never crowd the machine
     */
    static WorkerPool start(
            String name,
            int size,
            int maxWaiting,
            Supplier<Worker> starter,
            LintSettings settings,
            ScheduledExecutorService background) {
        WorkerPool pool = new WorkerPool(name, size, maxWaiting, starter, settings, background);
        for (Slot slot : pool.slots) {
            pool.submit(() -> pool.addWorker(slot, FIRST_RETRY), Duration.ZERO);
        }
        return pool;
    }

    /**
     * Asks an idle worker (the next in turn), waiting at most {@code timeout} for one to be free and as long again
     * for its answer.
     */
    JsonObject ask(JsonObject request, Duration timeout) {
        return ask(request, timeout, anyNext.getAndIncrement(), () -> true);
    }

    /**
     * As {@link #ask(JsonObject, Duration)}, on the worker of {@code affinity}'s slot, for a request that may stop
     * being wanted while it waits for that worker (a newer version of the same document arrived): it then gives up at
     * once, before any worker checks it.
     *
     * @throws LintException {@link Reason#SUPERSEDED} when it is no longer wanted, {@link Reason#BUSY} when as many
     *     requests as may wait for that worker already do
     */
    JsonObject ask(JsonObject request, Duration timeout, int affinity, BooleanSupplier wanted) {
        Slot slot = slots.get(Math.floorMod(affinity, slots.size()));
        Worker worker;
        if (slot.waiting.incrementAndGet() > maxWaiting) {
            slot.waiting.decrementAndGet();
            throw new LintException(
                    Reason.BUSY, maxWaiting + " requests are already waiting for this " + name + " lint worker");
        }
        try {
            worker = borrow(slot, timeout, wanted);
        } finally {
            slot.waiting.decrementAndGet();
        }
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
        return slots.stream().mapToInt(slot -> slot.waiting.get()).sum();
    }

    private Worker borrow(Slot preferred, Duration timeout, BooleanSupplier wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!closed && wanted.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Slot slot =
                        preferred.live != null ? preferred : slotWithWorker().orElse(preferred);
                Worker worker = slot.idle.poll(Math.min(left, WANTED_CHECK.toNanos()), TimeUnit.NANOSECONDS);
                if (worker != null && worker.isFit(maxRequests, maxResidentBytes)) {
                    return worker;
                }
                if (worker != null) {
                    retire(worker);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!wanted.getAsBoolean()) {
            throw superseded();
        }
        throw new LintException(
                Reason.BUSY, "no " + name + " lint worker was free within " + timeout.toMillis() + " ms");
    }

    private Optional<Slot> slotWithWorker() {
        return slots.stream().filter(slot -> slot.live != null).findFirst();
    }

    private Optional<Slot> slotOf(Worker worker) {
        return slots.stream().filter(slot -> slot.live == worker).findFirst();
    }

    private static LintException superseded() {
        return new LintException(
                Reason.SUPERSEDED, "a newer version of the document was sent: this one was not checked");
    }

    private void giveBack(Worker worker) {
        Optional<Slot> slot = slotOf(worker);
        if (!closed && slot.isPresent() && worker.isFit(maxRequests, maxResidentBytes)) {
            slot.get().idle.add(worker);
        } else {
            retire(worker);
        }
    }

    private void retire(Worker worker) {
        worker.close();
        for (Slot slot : slots) {
            synchronized (slot) {
                if (slot.live == worker) {
                    slot.live = null;
                    slot.idle.remove(worker);
                    if (!closed) {
                        submit(() -> addWorker(slot, FIRST_RETRY), Duration.ZERO);
                    }
                }
            }
        }
    }

    private void addWorker(Slot slot, Duration retryAfter) {
        if (closed) {
            return;
        }
        try {
            Worker worker = starter.get();
            synchronized (slot) {
                slot.live = worker;
                slot.idle.add(worker);
            }
            // A worker dying while idle is replaced at once rather than when a request finds it dead.
            worker.onExit(() -> {
                if (slot.idle.remove(worker)) {
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
            submit(() -> addWorker(slot, next.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : next), retryAfter);
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
        while (slots.stream().anyMatch(slot -> slot.live == null)) {
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
        List<Worker> workers =
                slots.stream().map(slot -> slot.live).filter(Objects::nonNull).toList();
        workers.forEach(Worker::close);
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (Worker worker : workers) {
                worker.awaitExit(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Slot slot : slots) {
            slot.live = null;
            slot.idle.clear();
        }
    }
}
