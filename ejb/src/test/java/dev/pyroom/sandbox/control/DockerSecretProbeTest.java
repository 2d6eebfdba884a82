package dev.pyroom.sandbox.control;

class DockerSecretProbeTest extends SecretProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
