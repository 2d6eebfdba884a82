package dev.pyroom.sandbox.control;

class BubblewrapNetworkProbeTest extends NetworkProbeContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
