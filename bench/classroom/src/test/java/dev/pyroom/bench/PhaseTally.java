package dev.pyroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The mixed load's bookkeeping and its contract with the shell (infra-blue-green/lib/mixed-load.sh): the control
 * folder names the phase ({@code phase}) and asks for the end ({@code stop}); every outcome counts towards the phase
 * current when it was observed; once every student is set up it prints {@code READY students= signed_in=}, at the
 * end one {@code PHASE name requests= failed= ...} line per phase, then {@code DONE}.
 */
final class PhaseTally {

    private static final List<String> FIELDS = List.of(
            "requests", "failed", "relogins", "lost_saves", "saves", "lints", "runs", "pages", "runs_interrupted");

    private final Path control;
    private final int students;
    private final Map<String, Map<String, Long>> phases = new LinkedHashMap<>();
    private final AtomicInteger setUp = new AtomicInteger();
    private final AtomicInteger signedIn = new AtomicInteger();

    PhaseTally(Path control, int students) {
        this.control = control;
        this.students = students;
    }

    String currentPhase() {
        try {
            return Files.readString(control.resolve("phase")).strip();
        } catch (IOException e) {
            return "idle";
        }
    }

    boolean stopAsked() {
        return Files.exists(control.resolve("stop"));
    }

    synchronized void add(String phase, String field, long n) {
        phases.computeIfAbsent(phase, p -> new LinkedHashMap<>()).merge(field, n, Long::sum);
    }

    void add(String phase, String field) {
        add(phase, field, 1);
    }

    /** A student is ready to work, or gave up setting up; the last one announces the class. */
    void setUpDone(boolean ready) {
        if (ready) {
            signedIn.incrementAndGet();
        }
        if (setUp.incrementAndGet() == students) {
            System.out.println("READY students=" + students + " signed_in=" + signedIn.get());
            System.out.flush();
        }
    }

    synchronized void print() {
        for (Map.Entry<String, Map<String, Long>> phase : phases.entrySet()) {
            System.out.println("PHASE " + phase.getKey() + " "
                    + FIELDS.stream()
                            .map(field -> field + "=" + phase.getValue().getOrDefault(field, 0L))
                            .collect(Collectors.joining(" ")));
        }
        System.out.println("DONE");
        System.out.flush();
    }

    /** What went wrong, for the operator (lib/mixed-load.sh's mixed_load_failures shows these lines). */
    static void log(String student, String message) {
        System.err.println(LocalTime.now().withNano(0) + " " + student + ": " + message);
        System.err.flush();
    }
}
