package dev.pyroom.grading.entity;

/** How many graded snapshots of an assignment passed one of its tests. */
public record TestPassRate(long testId, String name, long passed, long graded) {

    /** The share that passed, from 0 to 1; 0 when nothing was graded. */
    public double rate() {
        return graded == 0 ? 0 : (double) passed / graded;
    }
}
