package dev.pyroom.sandbox.control;

class BubblewrapSyncProbeTest extends SyncProbeContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
