package dev.pyroom.lint.control;

import java.time.Duration;

/**
 * Lint settings for tests: the defaults with one worker per tier (unless a test asks for more fast ones), and the few
 * values a test changes.
 */
final class LintTestSettings {

    private LintSettings.Sandbox sandbox = LintSettings.defaults().sandbox();
    private long addressSpaceBytes = LintSettings.defaults().addressSpaceBytes();
    private int tenantsPerWorker = LintSettings.defaults().tenantsPerWorker();
    private int recycleAfterRequests = LintSettings.defaults().recycleAfterRequests();
    private int fastWorkers = 1;
    private Duration fastTimeout = LintSettings.defaults().fastTimeout();
    private int fastMaxWaiting = LintSettings.defaults().fastMaxWaiting();

    /** Where tests tell their workers apart by their command lines, a limit no other test's workers use. */
    LintTestSettings addressSpace(long bytes) {
        addressSpaceBytes = bytes;
        return this;
    }

    LintTestSettings unsandboxed() {
        sandbox = LintSettings.Sandbox.NONE;
        return this;
    }

    LintTestSettings tenantsPerWorker(int tenants) {
        tenantsPerWorker = tenants;
        return this;
    }

    LintTestSettings recycleAfter(int requests) {
        recycleAfterRequests = requests;
        return this;
    }

    LintTestSettings fastWorkers(int workers) {
        fastWorkers = workers;
        return this;
    }

    LintTestSettings fastTimeout(Duration limit) {
        fastTimeout = limit;
        return this;
    }

    LintTestSettings fastMaxWaiting(int requests) {
        fastMaxWaiting = requests;
        return this;
    }

    LintSettings settings() {
        LintSettings d = LintSettings.defaults();
        return new LintSettings(
                sandbox,
                d.bwrap(),
                d.python(),
                fastWorkers,
                1,
                fastTimeout,
                d.deepTimeout(),
                d.startTimeout(),
                fastMaxWaiting,
                d.deepMaxWaiting(),
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
