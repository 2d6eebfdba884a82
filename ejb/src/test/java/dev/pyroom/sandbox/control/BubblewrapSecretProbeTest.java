package dev.pyroom.sandbox.control;

class BubblewrapSecretProbeTest extends SecretProbeContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
