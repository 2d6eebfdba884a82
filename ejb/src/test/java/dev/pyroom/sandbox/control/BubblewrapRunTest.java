package dev.pyroom.sandbox.control;

class BubblewrapRunTest extends RunContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
