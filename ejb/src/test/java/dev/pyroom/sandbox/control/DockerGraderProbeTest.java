package dev.pyroom.sandbox.control;

class DockerGraderProbeTest extends GraderProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
