package dev.pyroom.sandbox.control;

class BubblewrapKernelProbeTest extends KernelProbeContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
