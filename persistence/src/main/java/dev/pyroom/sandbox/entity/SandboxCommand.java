package dev.pyroom.sandbox.entity;

/** A request to the node holding a workspace's sandbox. */
public record SandboxCommand(long workspaceId, Action action) {

    public enum Action {
        /** Stop the program running in the sandbox; the sandbox stays. */
        STOP_RUN,
        /** End the sandbox, keeping its files; the next run opens a fresh one. */
        END_SANDBOX
    }
}
