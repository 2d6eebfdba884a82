package dev.pyroom.sandbox.control;

class DockerSyncTest extends SyncContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }

    @Override
    boolean containerEngine() {
        return true;
    }
}
