package dev.pyroom.sandbox.boundary;

import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.entity.RunLimits;

/** A program {@link SandboxService} started, with the limits of its course it runs under. */
public interface ServedRun extends Run {

    RunLimits limits();
}
