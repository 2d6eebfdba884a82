package dev.pyroom.workspace.entity;

/** How much of its allowance a workspace uses. */
public record WorkspaceUsage(int entries, long bytes) {}
