import dev.pyroom.lint.control.LintSettings;
import dev.pyroom.lint.control.Linter;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * Times both lint tiers through the Java API, server side, against a cold pylint command on the same file, in one
 * run. Usage: LintBench <file.py> <worker.py> <fast runs> <deep runs> <cold runs>
 */
public final class LintBench {

    private static final int WARM_UP = 10;

    private static final int FIRST_CHECKS = 20;

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args[0]);
        String source = Files.readString(sample);
        Path workerScript = Path.of(args[1]);
        int fastRuns = Integer.parseInt(args[2]);
        int deepRuns = Integer.parseInt(args[3]);
        int coldRuns = Integer.parseInt(args[4]);
        LintSettings settings = LintSettings.defaults();

        try (Linter linter = new Linter(settings, Executors.defaultThreadFactory())) {
            if (!linter.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("lint workers did not start");
            }
            List<Double> fast = timeTier(linter, Tier.FAST, source, fastRuns);
            List<Double> deep = timeTier(linter, Tier.DEEP, source, deepRuns);
            List<Double> firstFast = timeFirstChecks(linter, Tier.FAST, source);
            List<Double> firstDeep = timeFirstChecks(linter, Tier.DEEP, source);
            List<Double> cold = timeColdPylint(settings.python(), workerScript, sample, coldRuns);

            System.out.printf("file: %s, %d lines%n", sample.getFileName(), source.lines().count());
            report("fast tier (compile + pyflakes, warm worker)", fast);
            report("deep tier (pylint, warm pool of " + settings.deepWorkers() + ")", deep);
            report("fast tier, a student's first check", firstFast);
            report("deep tier, a student's first check", firstDeep);
            report("cold pylint command, deep tier's configuration", cold);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT fast_p50_ms=%.1f deep_p50_ms=%.1f cold_pylint_p50_ms=%.1f speedup=%.1f"
                            + " first_fast_p50_ms=%.1f first_deep_p50_ms=%.1f%n",
                    p50(fast),
                    p50(deep),
                    p50(cold),
                    p50(cold) / p50(deep),
                    p50(firstFast),
                    p50(firstDeep));
        }
    }

    /** Each request is a new version of the document, as while typing: one edit further than the last. */
    private static List<Double> timeTier(Linter linter, Tier tier, String source, int runs) {
        List<Double> millis = new ArrayList<>();
        int findings = -1;
        for (int version = 0; version < WARM_UP + runs; version++) {
            String edited = source + "# edit " + version + "\n";
            long start = System.nanoTime();
            LintResult result = linter.lint("a-student", tier, new LintRequest(version, "sample.py", edited));
            long elapsed = System.nanoTime() - start;
            findings = result.diagnostics().size();
            if (version >= WARM_UP) {
                millis.add(elapsed / 1e6);
            }
        }
        System.out.printf("%s tier reports %d diagnostics%n", tier.name().toLowerCase(Locale.ROOT), findings);
        return millis;
    }

    /** Each student's first check forks a checker of their own from the warm worker. */
    private static List<Double> timeFirstChecks(Linter linter, Tier tier, String source) {
        List<Double> millis = new ArrayList<>();
        for (int student = 0; student < FIRST_CHECKS; student++) {
            long start = System.nanoTime();
            linter.lint("first-" + student, tier, new LintRequest(1, "sample.py", source));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /** pylint started afresh with the arguments the deep tier's workers use, read from the worker itself. */
    private static List<Double> timeColdPylint(Path python, Path workerScript, Path sample, int runs)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pylint"));
        command.addAll(pylintArguments(python, workerScript));
        command.addAll(List.of("--rcfile=/dev/null", sample.toString()));
        System.out.println("cold pylint: " + String.join(" ", command));
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ProcessBuilder pylint = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            pylint.start().waitFor();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private static List<String> pylintArguments(Path python, Path workerScript) throws Exception {
        Process reader = new ProcessBuilder(
                        python.toString(),
                        "-c",
                        "import runpy, sys; print('\\n'.join(runpy.run_path(sys.argv[1])['PYLINT_ARGS']))",
                        workerScript.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> arguments = new String(reader.getInputStream().readAllBytes()).lines().toList();
        if (reader.waitFor() != 0 || arguments.isEmpty()) {
            throw new IllegalStateException("cannot read the deep tier's pylint arguments from " + workerScript);
        }
        return arguments;
    }

    private static void report(String what, List<Double> millis) {
        System.out.printf(
                Locale.ROOT,
                "%-48s n=%-4d p50=%7.1f ms  p90=%7.1f ms  min=%7.1f ms%n",
                what,
                millis.size(),
                p50(millis),
                percentile(millis, 0.9),
                Collections.min(millis));
    }

    private static double p50(List<Double> millis) {
        return percentile(millis, 0.5);
    }

    private static double percentile(List<Double> millis, double fraction) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(fraction * (sorted.size() - 1))));
    }
}
