package dev.pyroom.lint.control;

import dev.pyroom.lint.entity.Tier;
import java.util.List;
import java.util.Locale;

/** The interpreter command that starts one lint worker; {@link WorkerProcesses} confines it, or not. */
final class WorkerCommand {

    // The worker's source arrives as the first line on stdin, so that no host file needs binding into the sandbox.
    private static final String BOOTSTRAP = "import json, sys; exec(json.loads(sys.stdin.buffer.readline())['script'])";

    private WorkerCommand() {}

    /**
     * {@code -I} ignores PYTHON* variables and keeps the working directory off sys.path; {@code -S} skips site-packages
     * setup, which the worker does itself for Debian's packages only. The last argument names the worker's tier, so
     * that operators (and tests) can tell workers apart.
     */
    static List<String> of(LintSettings settings, Tier tier) {
        return List.of(
                settings.python().toString(),
                "-I",
                "-S",
                "-c",
                BOOTSTRAP,
                Long.toString(settings.addressSpaceBytes()),
                Integer.toString(settings.tenantsPerWorker()),
                Long.toString(settings.tenantIdle().toSeconds()),
                tier.name().toLowerCase(Locale.ROOT));
    }
}
