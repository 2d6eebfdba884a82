package dev.pyroom.sandbox.control;

class DockerTerminalTest extends TerminalContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
