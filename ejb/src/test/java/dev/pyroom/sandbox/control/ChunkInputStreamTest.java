package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A container's output as the agent's reader takes it: flow-controlled, never piled up. */
class ChunkInputStreamTest {

    private static final int CHUNK = 32 * 1024;
    private static final int CHUNKS = 64;

    @Test
    void aReaderThatStopsReadingMakesTheFeederWaitInsteadOfPilingUpChunks() throws Exception {
        ChunkInputStream stream = new ChunkInputStream();
        Thread feeder = new Thread(() -> {
            try {
                for (int i = 0; i < CHUNKS; i++) {
                    byte[] chunk = new byte[CHUNK];
                    Arrays.fill(chunk, (byte) i);
                    stream.add(chunk);
                }
                stream.end();
            } catch (java.io.InterruptedIOException e) {
                Thread.currentThread().interrupt();
            }
        });
        feeder.start();
        while (feeder.getState() != Thread.State.WAITING) {
            Thread.sleep(10);
        }

        assertTrue(stream.heldBytes() <= ChunkInputStream.MAX_HELD_BYTES, "held " + stream.heldBytes());
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        stream.transferTo(read);
        feeder.join();
        byte[] expected = new byte[CHUNK * CHUNKS];
        for (int i = 0; i < CHUNKS; i++) {
            Arrays.fill(expected, i * CHUNK, (i + 1) * CHUNK, (byte) i);
        }
        assertArrayEquals(expected, read.toByteArray());
    }
}
