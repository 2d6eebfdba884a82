package dev.pyroom.lint.control;

/**
 * Lint settings for tests: the defaults with one worker per tier, so that consecutive requests meet the same worker,
 * and the few values a test changes.
 */
final class OneWorkerPerTier {

    private LintSettings.Sandbox sandbox = LintSettings.defaults().sandbox();
    private long addressSpaceBytes = LintSettings.defaults().addressSpaceBytes();
    private int tenantsPerWorker = LintSettings.defaults().tenantsPerWorker();
    private int recycleAfterRequests = LintSettings.defaults().recycleAfterRequests();

    /** Where tests tell their workers apart by their command lines, a limit no other test's workers use. */
    OneWorkerPerTier addressSpace(long bytes) {
        addressSpaceBytes = bytes;
        return this;
    }

    OneWorkerPerTier unsandboxed() {
        sandbox = LintSettings.Sandbox.NONE;
        return this;
    }

    OneWorkerPerTier tenantsPerWorker(int tenants) {
        tenantsPerWorker = tenants;
        return this;
    }

    OneWorkerPerTier recycleAfter(int requests) {
        recycleAfterRequests = requests;
        return this;
    }

    LintSettings settings() {
        LintSettings d = LintSettings.defaults();
        return new LintSettings(
                sandbox,
                d.bwrap(),
                d.python(),
                1,
                1,
                d.fastTimeout(),
                d.deepTimeout(),
                d.startTimeout(),
                addressSpaceBytes,
                d.tmpBytes(),
                d.workerMemoryBytes(),
                tenantsPerWorker,
                d.tenantIdle(),
                d.maxSourceChars(),
                recycleAfterRequests,
                d.recycleAboveRssBytes());
    }
}
