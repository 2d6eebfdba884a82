package dev.pyroom.workspace.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Tells text files from binary ones: Pyroom stores UTF-8 text without NUL bytes, nothing else. */
public final class TextContent {

    private static final int SHOWN_NAME_LENGTH = 120;

    private TextContent() {}

    /** The bytes as text, or empty when they are not valid UTF-8 or hold a NUL byte (images, archives, programs). */
    public static Optional<String> decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A name from a browser, an archive or a sandbox may hold anything: keep it short and on one line in messages. */
    public static String printable(String name) {
        String visible = name.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return visible.length() > SHOWN_NAME_LENGTH ? visible.substring(0, SHOWN_NAME_LENGTH) + "…" : visible;
    }
}
