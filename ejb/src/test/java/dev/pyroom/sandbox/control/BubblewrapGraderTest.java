package dev.pyroom.sandbox.control;

class BubblewrapGraderTest extends GraderContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
