package dev.pyroom.sandbox.control;

class DockerSlowReaderTest extends SlowReaderContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
