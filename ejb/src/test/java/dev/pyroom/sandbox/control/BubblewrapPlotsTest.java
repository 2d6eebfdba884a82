package dev.pyroom.sandbox.control;

class BubblewrapPlotsTest extends PlotsContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
