package dev.pyroom.lint.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many lint results this node writes to the database at once ({@code pyroom.lint.history-writers}). The history
 * is bookkeeping: when a class arrives together, lint answers come faster than the database takes their history, and
 * each write holds one of the connections that pages, sign-ins and runs wait for. A result that finds no free writer is
 * not written; the file's next check is.
 */
@ApplicationScoped
public class LintHistoryWriters {

    @Inject
    @ConfigProperty(name = "pyroom.lint.history-writers", defaultValue = "4")
    int writers;

    private Semaphore free;

    @PostConstruct
    void prepare() {
        if (writers < 1) {
            throw new IllegalStateException("pyroom.lint.history-writers must be positive");
        }
        free = new Semaphore(writers);
    }

    /** Runs the write if a writer is free, and says whether it did. */
    public boolean writeIfFree(Runnable write) {
        if (!free.tryAcquire()) {
            return false;
        }
        try {
            write.run();
            return true;
        } finally {
            free.release();
        }
    }
}
