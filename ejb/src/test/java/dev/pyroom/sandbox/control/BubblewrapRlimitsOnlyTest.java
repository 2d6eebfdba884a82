package dev.pyroom.sandbox.control;

/** The same limits on a host without usable cgroups, where rlimits alone must hold. */
class BubblewrapRlimitsOnlyTest extends LimitsContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults().withCgroups(false));
    }
}
