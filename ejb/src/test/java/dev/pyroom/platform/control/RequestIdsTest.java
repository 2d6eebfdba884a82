package dev.pyroom.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aScopePutsBackWhatTheThreadServedBefore() {
        try (RequestIds.Scope request = RequestIds.enter("outer")) {
            try (RequestIds.Scope socket = RequestIds.enter("inner")) {
                assertEquals(Optional.of("inner"), RequestIds.current());
            }
            assertEquals(Optional.of("outer"), RequestIds.current());
            try (RequestIds.Scope none = RequestIds.enter(null)) {
                assertEquals(Optional.empty(), RequestIds.current());
            }
        }
        assertEquals(Optional.empty(), RequestIds.current());
    }
}
