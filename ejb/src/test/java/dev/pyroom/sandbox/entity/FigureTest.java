package dev.pyroom.sandbox.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FigureTest {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void takesBytesThatStartAsAPngDoes() {
        byte[] png = png(100);

        Figure figure = new Figure(1, png);

        assertArrayEquals(png, figure.png());
        assertTrue(Figure.isPng(png));
    }

    @Test
    void refusesMarkupAndTheSignatureAlone() {
        byte[] markup = "<img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8);

        assertFalse(Figure.isPng(markup));
        assertFalse(Figure.isPng(SIGNATURE));
        assertThrows(IllegalArgumentException.class, () -> new Figure(1, markup));
    }

    @Test
    void refusesAnImageOverTheLimit() {
        assertTrue(Figure.isPng(png(Figure.MAX_BYTES)));
        assertFalse(Figure.isPng(png(Figure.MAX_BYTES + 1)));
    }

    @Test
    void keepsItsBytesFromTheCallersChanges() {
        byte[] png = png(100);
        Figure figure = new Figure(2, png);

        png[20] = 7;
        figure.png()[21] = 7;

        assertArrayEquals(png(100), figure.png());
    }

    private static byte[] png(int size) {
        return Arrays.copyOf(SIGNATURE, size);
    }
}
