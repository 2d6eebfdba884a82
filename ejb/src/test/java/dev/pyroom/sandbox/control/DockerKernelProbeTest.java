package dev.pyroom.sandbox.control;

class DockerKernelProbeTest extends KernelProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }
}
