package dev.pyroom.sandbox.control;

class BubblewrapTerminalProbeTest extends TerminalProbeContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
