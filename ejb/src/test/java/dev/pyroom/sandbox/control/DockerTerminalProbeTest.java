package dev.pyroom.sandbox.control;

class DockerTerminalProbeTest extends TerminalProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
