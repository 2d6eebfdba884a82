package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutputDecoderTest {

    @Test
    void keepsACharacterSplitAcrossChunksWhole() {
        byte[] snake = "a🐍b".getBytes(StandardCharsets.UTF_8);
        OutputDecoder decoder = new OutputDecoder();

        String first = decoder.decode(Arrays.copyOfRange(snake, 0, 3));
        String second = decoder.decode(Arrays.copyOfRange(snake, 3, snake.length));

        assertEquals("a", first);
        assertEquals("🐍b", second);
        assertEquals("", decoder.finish());
    }

    @Test
    void replacesBytesThatAreNotText() {
        OutputDecoder decoder = new OutputDecoder();

        String text = decoder.decode(new byte[] {'o', 'k', (byte) 0xff, '!'});

        assertEquals("ok\uFFFD!", text);
    }

    @Test
    void showsAnUnfinishedCharacterAtTheEnd() {
        OutputDecoder decoder = new OutputDecoder();

        assertEquals("x", decoder.decode(new byte[] {'x', (byte) 0xF0, (byte) 0x9F}));
        assertEquals("\uFFFD", decoder.finish());
    }
}
