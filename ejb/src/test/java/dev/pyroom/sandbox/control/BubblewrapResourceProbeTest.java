package dev.pyroom.sandbox.control;

class BubblewrapResourceProbeTest extends ResourceProbeContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
