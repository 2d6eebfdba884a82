package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.StandardStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTailTest {

    @Test
    void passesOutputOnAndNamesTheExceptionATracebackEndsWith() {
        List<String> passedOn = new ArrayList<>();
        OutputTail tail = new OutputTail(chunk -> passedOn.add(chunk.text()));

        tail.onOutput(new OutputChunk(StandardStream.STDOUT, "hello\n"));
        tail.onOutput(new OutputChunk(
                StandardStream.STDERR,
                "Traceback (most recent call last):\n  File \"main.py\", line 2\nNameError: name 'greting' is not"
                        + " defined\n"));

        assertEquals(2, passedOn.size());
        assertEquals("NameError", tail.errorName());
    }

    @Test
    void keepsOnlyTheEndOfLongOutput() {
        OutputTail tail = new OutputTail(chunk -> {});
        for (int i = 0; i < 2000; i++) {
            tail.onOutput(new OutputChunk(StandardStream.STDOUT, "line " + i + "\n"));
        }

        assertEquals(4000, tail.text().length());
        assertEquals(true, tail.text().endsWith("line 1999\n"));
        assertNull(tail.errorName());
    }

    @Test
    void namesAnExceptionOfAModuleByItsOwnName() {
        OutputTail tail = new OutputTail(chunk -> {});
        tail.onOutput(new OutputChunk(StandardStream.STDERR, "json.decoder.JSONDecodeError: Expecting value\n"));

        assertEquals("JSONDecodeError", tail.errorName());
    }
}
