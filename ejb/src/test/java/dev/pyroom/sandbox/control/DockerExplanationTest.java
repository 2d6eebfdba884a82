package dev.pyroom.sandbox.control;

class DockerExplanationTest extends ExplanationContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
