package dev.pyroom.sandbox.control;

class BubblewrapTerminalTest extends TerminalContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
