package dev.pyroom.grading.entity;

/** How many tests an assignment has and how many points they are worth together. */
public record TestTotals(int tests, int points) {

    public static final TestTotals NONE = new TestTotals(0, 0);

    /** "none yet", "1 test · 5 points", "3 tests · 10 points". */
    public String label() {
        if (tests == 0) {
            return "none yet";
        }
        return tests + (tests == 1 ? " test · " : " tests · ") + points + (points == 1 ? " point" : " points");
    }
}
