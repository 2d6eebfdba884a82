package dev.pyroom.sandbox.control;

/** On a host without usable cgroups the address-space and process rlimits bound a run: numpy's BLAS must fit them. */
class BubblewrapPlotsRlimitsOnlyTest extends PlotsContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults().withCgroups(false));
    }
}
