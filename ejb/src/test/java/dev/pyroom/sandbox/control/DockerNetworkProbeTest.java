package dev.pyroom.sandbox.control;

class DockerNetworkProbeTest extends NetworkProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }
}
