package dev.pyroom.sandbox.control;

class BubblewrapSyncTest extends SyncContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
