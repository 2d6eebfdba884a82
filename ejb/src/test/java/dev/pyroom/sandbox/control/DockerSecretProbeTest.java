package dev.pyroom.sandbox.control;

class DockerSecretProbeTest extends SecretProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }
}
