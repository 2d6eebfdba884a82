package dev.pyroom.sandbox.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns one stream's bytes into text chunk by chunk, keeping a character that straddles two chunks whole. */
final class OutputDecoder {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer carried = ByteBuffer.allocate(0);

    String decode(byte[] bytes) {
        ByteBuffer input = ByteBuffer.allocate(carried.remaining() + bytes.length)
                .put(carried)
                .put(bytes)
                .flip();
        CharBuffer text = CharBuffer.allocate(input.remaining());
        decoder.decode(input, text, false);
        carried = ByteBuffer.allocate(input.remaining()).put(input).flip();
        return text.flip().toString();
    }

    /** Whatever was carried over, now that no more bytes will come. */
    String finish() {
        CharBuffer text = CharBuffer.allocate(carried.remaining() * 2 + 1);
        decoder.decode(carried, text, true);
        decoder.flush(text);
        carried = ByteBuffer.allocate(0);
        return text.flip().toString();
    }
}
