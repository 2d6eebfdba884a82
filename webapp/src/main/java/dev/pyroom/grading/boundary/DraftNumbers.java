package dev.pyroom.grading.boundary;

import dev.pyroom.classroom.entity.InvalidCourseException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The numbers of a test as an instructor types them. Each field is kept as typed, so that a wrong value costs nothing
 * else on the form; it is read here, and a value that is no number gets a sentence saying what is expected.
 */
final class DraftNumbers {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal LONGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    private DraftNumbers() {}

    static int points(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCourseException("Points are a whole number, such as 1 or 10.");
        }
    }

    /** Seconds with a decimal point or comma; the test's own bounds are checked by the test. */
    static Duration seconds(String typed) {
        try {
            BigDecimal millis = new BigDecimal(decimal(typed)).multiply(THOUSAND);
            return Duration.ofMillis(millis.max(BigDecimal.ZERO).min(LONGEST).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidCourseException("The time limit is a number of seconds, such as 2 or 0.5.");
        }
    }

    /** Empty counts as 0. */
    static double tolerance(String typed) {
        if (typed.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(decimal(typed));
        } catch (NumberFormatException e) {
            throw new InvalidCourseException("The tolerance is a number, such as 0.001.");
        }
    }

    /** Empty for no limit; the limit's own bounds are checked where it is stored. */
    static Integer attempts(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCourseException(
                    "The checks each student may make are a whole number, such as 5, or empty for any number.");
        }
    }

    /** "1.5" for 1500 ms, "2" for 2000 ms. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    static String tolerance(double tolerance) {
        return BigDecimal.valueOf(tolerance).stripTrailingZeros().toPlainString();
    }

    private static String decimal(String typed) {
        return typed.strip().replace(',', '.');
    }
}
