package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output to a consumer that takes it at its own pace. */
class OutputQueueTest {

    @Test
    void aConsumerThatKeepsUpGetsEverythingInOrder() {
        List<String> taken = new ArrayList<>();
        OutputQueue<String> queue =
                new OutputQueue<>(8, Duration.ofSeconds(1), String::length, "[dropped]", (message, done) -> {
                    taken.add(message);
                    done.run();
                });

        for (int i = 0; i < 10_000; i++) {
            queue.offer("m" + i % 10);
        }

        assertEquals(10_000, taken.size());
        assertEquals("m9", taken.get(9_999));
        assertEquals(0, queue.heldBytes());
    }

    @Test
    void outputDroppedWhileTheConsumerStalledIsMarkedWhereItWas() {
        List<String> taken = new ArrayList<>();
        List<Runnable> unfinished = new ArrayList<>();
        OutputQueue<String> queue =
                new OutputQueue<>(4, Duration.ofMillis(50), String::length, "[dropped]", (message, done) -> {
                    taken.add(message);
                    unfinished.add(done);
                });

        queue.offer("aaaa");
        queue.offer("bbbb");
        queue.offer("cccc");
        unfinished.remove(0).run();
        queue.offer("dddd");
        while (!unfinished.isEmpty()) {
            unfinished.remove(0).run();
        }
        queue.offerLast("end");
        while (!unfinished.isEmpty()) {
            unfinished.remove(0).run();
        }

        assertEquals(List.of("aaaa", "[dropped]", "dddd", "end"), taken);
        assertEquals(8, queue.droppedBytes());
        assertEquals(0, queue.heldBytes());
    }
}
