package dev.pyroom.sandbox.entity;

/** Why a run ended. */
public enum RunEnding {
    /** The program ended by itself; see {@link RunResult#exitCode()}. */
    EXITED,
    TIMED_OUT,
    CPU_LIMIT,
    OUT_OF_MEMORY,
    OUTPUT_LIMIT,
    FILE_SIZE_LIMIT,
    /** Someone stopped the run, or closed its sandbox. */
    STOPPED,
    /** The sandbox itself broke down while the run was going. */
    SANDBOX_FAILED
}
