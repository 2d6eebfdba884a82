package dev.pyroom.classroom.entity;

/**
 * Where a student's open request stands in their course's queue.
 *
 * @param position 1 for the request asked first among the open ones, 2 for the next, ...
 * @param answererName the instructor answering it, or null while nobody is
 */
public record QueuePlace(long requestId, int position, String answererName) {

    public QueuePlace {
        if (position < 1) {
            throw new IllegalArgumentException("A place in the queue starts at 1: " + position);
        }
    }

    /** What the student reads: "You are 3rd in line." or "Ada Lovelace is coming to help you." */
    public String sentence() {
        if (answererName != null) {
            return answererName + " is coming to help you.";
        }
        return "You are " + ordinal(position) + " in line.";
    }

    /** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st, 22nd, ... */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        return switch (n % 10) {
            case 1 -> n + "st";
            case 2 -> n + "nd";
            case 3 -> n + "rd";
            default -> n + "th";
        };
    }
}
