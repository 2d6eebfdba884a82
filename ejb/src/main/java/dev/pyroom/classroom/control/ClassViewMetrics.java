package dev.pyroom.classroom.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * How long the database takes to read a course's class for the instructors' live views (the cockpit and the live
 * table, at every refresh), by what is read, for {@code /metrics}.
 */
@ApplicationScoped
public class ClassViewMetrics {

    static final String QUERY = "pyroom.class_view.query";

    /** What a refresh reads: every student's activity, and the class's most frequent errors. */
    public enum Read {
        STUDENTS,
        ERRORS;

        private Tag tag() {
            return new Tag("read", name().toLowerCase(Locale.ROOT));
        }
    }

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (Read read : Read.values()) {
            registry.timer(
                    Metadata.builder()
                            .withName(QUERY)
                            .withDescription("Database time to read a course's class for the instructors' live views")
                            .withUnit(MetricUnits.SECONDS)
                            .build(),
                    read.tag());
        }
    }

    /** Reads, timing the reading. */
    public <T> T timed(Read read, Supplier<T> reading) {
        try (Timer.Context timing = registry.timer(QUERY, read.tag()).time()) {
            return reading.get();
        }
    }
}
