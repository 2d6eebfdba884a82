package dev.pyroom.sandbox.control;

/** Limits as production hosts enforce them: cgroups where the host offers them. */
class BubblewrapLimitsTest extends LimitsContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
