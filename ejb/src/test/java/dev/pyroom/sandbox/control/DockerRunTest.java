package dev.pyroom.sandbox.control;

class DockerRunTest extends RunContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
