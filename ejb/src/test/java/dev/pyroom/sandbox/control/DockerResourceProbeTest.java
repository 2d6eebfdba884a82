package dev.pyroom.sandbox.control;

class DockerResourceProbeTest extends ResourceProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
