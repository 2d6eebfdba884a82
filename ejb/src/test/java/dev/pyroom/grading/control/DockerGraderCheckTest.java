package dev.pyroom.grading.control;

import dev.pyroom.sandbox.control.DockerEngine;
import dev.pyroom.sandbox.control.SandboxBackend;

class DockerGraderCheckTest extends GraderCheckContract {

    @Override
    SandboxBackend startBackend() {
        return DockerEngine.backend();
    }
}
