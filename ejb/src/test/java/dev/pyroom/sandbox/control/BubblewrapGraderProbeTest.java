package dev.pyroom.sandbox.control;

class BubblewrapGraderProbeTest extends GraderProbeContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
