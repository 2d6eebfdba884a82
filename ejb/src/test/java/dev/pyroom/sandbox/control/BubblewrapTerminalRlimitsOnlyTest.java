package dev.pyroom.sandbox.control;

/** Terminals and runs side by side on a host without usable cgroups, where rlimits alone keep them apart. */
class BubblewrapTerminalRlimitsOnlyTest extends TerminalContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults().withCgroups(false));
    }
}
