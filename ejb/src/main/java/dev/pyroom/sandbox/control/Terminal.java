package dev.pyroom.sandbox.control;

/** An interactive shell in a sandbox. Calls after the terminal has closed are ignored. */
public interface Terminal extends AutoCloseable {

    /** Types bytes into the terminal, as a keyboard would: {@code \u0003} is Ctrl-C. */
    void write(byte[] input);

    /** Tells the terminal its new size; the programs in it get SIGWINCH. */
    void resize(int cols, int rows);

    /** Whether the shell still runs; false once the listener has heard it close. */
    boolean isOpen();

    /** Kills the shell and everything started from it. The listener hears of it once they are gone. */
    @Override
    void close();
}
