package dev.pyroom.sandbox.control;

class DockerIsolationTest extends IsolationContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
