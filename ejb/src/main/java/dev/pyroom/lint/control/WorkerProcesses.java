package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.Tier;
import dev.pyroom.sandbox.control.ConfinedProcesses;
import java.io.File;
import java.io.IOException;
import java.util.Optional;

/** Starts lint worker processes: confined as runs are, or as plain processes where bubblewrap is not used. */
final class WorkerProcesses implements AutoCloseable {

    /** bwrap outside the sandbox and the worker inside, besides its students' checkers. */
    private static final int OWN_PROCESSES = 3;

    private final LintSettings settings;
    private final Optional<ConfinedProcesses> confinement;

    private WorkerProcesses(LintSettings settings, Optional<ConfinedProcesses> confinement) {
        this.settings = settings;
        this.confinement = confinement;
    }

    static WorkerProcesses prepare(LintSettings settings) {
        return new WorkerProcesses(
                settings,
                settings.sandbox() == LintSettings.Sandbox.BWRAP
                        ? Optional.of(ConfinedProcesses.prepare(settings.confinement()))
                        : Optional.empty());
    }

    Process start(Tier tier) throws IOException {
        if (confinement.isPresent()) {
            return confinement
                    .get()
                    .start(
                            WorkerCommand.of(settings, tier),
                            settings.workerMemoryBytes(),
                            settings.tenantsPerWorker() + OWN_PROCESSES,
                            settings.tmpBytes());
        }
        ProcessBuilder builder = new ProcessBuilder(WorkerCommand.of(settings, tier)).directory(new File("/"));
        builder.environment().clear();
        return builder.start();
    }

    @Override
    public void close() {
        confinement.ifPresent(ConfinedProcesses::close);
    }
}
