package dev.pyroom.sandbox.control;

class BubblewrapIsolationTest extends IsolationContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
