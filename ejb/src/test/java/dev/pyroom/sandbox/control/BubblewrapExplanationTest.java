package dev.pyroom.sandbox.control;

class BubblewrapExplanationTest extends ExplanationContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
