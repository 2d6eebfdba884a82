package dev.pyroom.classroom.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QueuePlaceTest {

    @Test
    void aStudentWaitingReadsTheirPlaceAsAnOrdinal() {
        assertEquals("You are 1st in line.", new QueuePlace(7, 1, null).sentence());
        assertEquals("You are 2nd in line.", new QueuePlace(7, 2, null).sentence());
        assertEquals("You are 3rd in line.", new QueuePlace(7, 3, null).sentence());
        assertEquals("You are 4th in line.", new QueuePlace(7, 4, null).sentence());
    }

    @Test
    void elevenToThirteenAreTh() {
        assertEquals("11th", QueuePlace.ordinal(11));
        assertEquals("12th", QueuePlace.ordinal(12));
        assertEquals("13th", QueuePlace.ordinal(13));
        assertEquals("21st", QueuePlace.ordinal(21));
        assertEquals("102nd", QueuePlace.ordinal(102));
        assertEquals("111th", QueuePlace.ordinal(111));
    }

    @Test
    void aStudentBeingAnsweredReadsWhoIsComing() {
        assertEquals("Ian Instructor is coming to help you.", new QueuePlace(7, 2, "Ian Instructor").sentence());
    }

    @Test
    void placesStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new QueuePlace(7, 0, null));
    }
}
