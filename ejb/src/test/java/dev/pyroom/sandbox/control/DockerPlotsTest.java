package dev.pyroom.sandbox.control;

class DockerPlotsTest extends PlotsContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
