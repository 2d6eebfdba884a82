package dev.pyroom.grading.control;

import dev.pyroom.sandbox.control.BubblewrapBackend;
import dev.pyroom.sandbox.control.BubblewrapSettings;
import dev.pyroom.sandbox.control.SandboxBackend;

class BubblewrapGraderCheckTest extends GraderCheckContract {

    @Override
    SandboxBackend startBackend() {
        return BubblewrapBackend.start(BubblewrapSettings.defaults());
    }
}
