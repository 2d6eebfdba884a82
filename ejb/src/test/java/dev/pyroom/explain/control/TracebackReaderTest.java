package dev.pyroom.explain.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.explain.entity.StudentFrame;
import dev.pyroom.explain.entity.Traceback;
import org.junit.jupiter.api.Test;

class TracebackReaderTest {

    @Test
    void readsTheExceptionAndTheLastFrameInTheWorkspace() {
        Traceback traceback = TracebackReader.read("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 3, in <module>
                    print(pick(5, 1))
                          ^^^^^^^^^^
                  File "/workspace/lesson/helper.py", line 4, in pick
                    return random.randint(low, high)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "/usr/lib/python3.11/random.py", line 362, in randint
                    return self.randrange(a, b+1)
                           ^^^^^^^^^^^^^^^^^^^^^^
                ValueError: empty range for randrange() (5, 2, -3)
                """).orElseThrow();

        assertEquals("ValueError", traceback.exception());
        assertEquals("empty range for randrange() (5, 2, -3)", traceback.message());
        StudentFrame frame = traceback.studentFrame().orElseThrow();
        assertEquals("lesson/helper.py", frame.file());
        assertEquals(4, frame.line());
        assertEquals("return random.randint(low, high)", frame.code());
        assertEquals("random.randint(low, high)", frame.pointed());
    }

    @Test
    void marksWhatFailedAndWhatItWorkedOn() {
        StudentFrame frame =
                TracebackReader.read("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 2, in <module>
                    print(items[3])
                          ~~~~~^^^
                IndexError: list index out of range
                """).orElseThrow().studentFrame().orElseThrow();

        assertEquals("[3]", frame.pointed());
        assertEquals("items[3]", frame.marked());
    }

    @Test
    void readsASyntaxErrorsLocation() {
        Traceback traceback = TracebackReader.read("""
                  File "/workspace/main.py", line 1
                    if True
                           ^
                SyntaxError: expected ':'
                """).orElseThrow();

        assertEquals("SyntaxError", traceback.exception());
        assertEquals(1, traceback.studentFrame().orElseThrow().line());
        assertEquals("if True", traceback.studentFrame().orElseThrow().code());
    }

    @Test
    void takesTheLastOfChainedTracebacksAndDropsTheModule() {
        Traceback traceback = TracebackReader.read("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 2, in <module>
                    x = int('a')
                ValueError: invalid literal for int() with base 10: 'a'

                During handling of the above exception, another exception occurred:

                Traceback (most recent call last):
                  File "/usr/lib/python3.11/json/decoder.py", line 355, in raw_decode
                    raise JSONDecodeError("Expecting value", s, err.value) from None
                json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
                """).orElseThrow();

        assertEquals("JSONDecodeError", traceback.exception());
        assertTrue(traceback.studentFrame().isEmpty());
    }

    @Test
    void findsNothingWhenStderrDoesNotEndInAnException() {
        assertTrue(TracebackReader.read("").isEmpty());
        assertTrue(TracebackReader.read("warning: careful\n").isEmpty());
        assertTrue(TracebackReader.read("ValueError: printed by the program\nand then more\n")
                .isEmpty());
    }

    @Test
    void readsAnExceptionWithoutMessage() {
        Traceback traceback = TracebackReader.read("""
                Traceback (most recent call last):
                  File "/workspace/main.py", line 1, in <module>
                    assert 1 + 1 == 3
                           ^^^^^^^^^^
                AssertionError
                """).orElseThrow();

        assertEquals("AssertionError", traceback.exception());
        assertEquals("", traceback.message());
    }
}
