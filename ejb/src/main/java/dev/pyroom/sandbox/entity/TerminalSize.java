package dev.pyroom.sandbox.entity;

/** A terminal's size in character cells. */
public record TerminalSize(int cols, int rows) {

    public static final int MAX_CELLS = 1000;

    public TerminalSize {
        if (cols < 1 || cols > MAX_CELLS || rows < 1 || rows > MAX_CELLS) {
            throw new IllegalArgumentException(
                    "a terminal must be 1 to " + MAX_CELLS + " cells wide and high: " + cols + "x" + rows);
        }
    }
}
