package dev.pyroom.sandbox.control;

/** Receives what a terminal shows. Called on the sandbox's own thread: a slow listener slows the sandbox. */
public interface TerminalListener {

    /** Bytes as the terminal emits them, escape sequences included; a character may be split between calls. */
    void onOutput(byte[] bytes);

    /** The shell has exited, was closed, or its sandbox ended; nothing more follows. */
    void onClosed();
}
