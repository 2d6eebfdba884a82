package dev.pyroom.sandbox.control;

class BubblewrapSlowReaderTest extends SlowReaderContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
