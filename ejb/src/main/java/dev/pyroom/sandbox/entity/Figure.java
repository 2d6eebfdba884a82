package dev.pyroom.sandbox.entity;

import java.util.Arrays;

/**
 * An image a run showed (matplotlib's {@code plt.show()}), as the sandbox handed it over: a PNG of at most
 * {@link #MAX_BYTES}. It came from the program's side of the sandbox, so it is checked to be a PNG and nothing else
 * is believed of it; the browser gets it as an image, never as markup.
 *
 * @param number the figure's place among the run's figures, from 1
 */
public record Figure(int number, byte[] png) {

    public static final int MAX_BYTES = 1 << 20;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public Figure {
        if (number < 1) {
            throw new IllegalArgumentException("figures are numbered from 1");
        }
        if (!isPng(png)) {
            throw new IllegalArgumentException("not a PNG image of at most " + MAX_BYTES + " bytes");
        }
        png = png.clone();
    }

    /** Whether the bytes start as a PNG file does and fit the size a figure may have. */
    public static boolean isPng(byte[] bytes) {
        return bytes.length > PNG_SIGNATURE.length
                && bytes.length <= MAX_BYTES
                && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Figure figure && number == figure.number && Arrays.equals(png, figure.png);
    }

    @Override
    public int hashCode() {
        return 31 * number + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "Figure " + number + " (" + png.length + " bytes of PNG)";
    }
}
