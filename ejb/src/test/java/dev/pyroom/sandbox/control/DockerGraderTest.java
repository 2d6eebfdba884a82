package dev.pyroom.sandbox.control;

class DockerGraderTest extends GraderContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
