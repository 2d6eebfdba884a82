package dev.pyroom.sandbox.control;

class DockerLimitsTest extends LimitsContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
