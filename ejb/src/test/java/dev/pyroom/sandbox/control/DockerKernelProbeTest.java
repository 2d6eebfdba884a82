package dev.pyroom.sandbox.control;

class DockerKernelProbeTest extends KernelProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
