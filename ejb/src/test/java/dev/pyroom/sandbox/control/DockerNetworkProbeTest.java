package dev.pyroom.sandbox.control;

class DockerNetworkProbeTest extends NetworkProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
