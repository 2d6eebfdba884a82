package dev.pyroom.sandbox.control;

class DockerSyncProbeTest extends SyncProbeContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
