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
 * run. Usage: LintBench <file.py> <fast runs> <deep runs> <cold runs>
 */
public final class LintBench {

    private static final int WARM_UP = 10;

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args[0]);
        String source = Files.readString(sample);
        int fastRuns = Integer.parseInt(args[1]);
        int deepRuns = Integer.parseInt(args[2]);
        int coldRuns = Integer.parseInt(args[3]);
        LintSettings settings = LintSettings.defaults();

        try (Linter linter = new Linter(settings, Executors.defaultThreadFactory())) {
            if (!linter.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("lint workers did not start");
            }
            List<Double> fast = timeTier(linter, Tier.FAST, source, fastRuns);
            List<Double> deep = timeTier(linter, Tier.DEEP, source, deepRuns);
            List<Double> cold = timeColdPylint(settings.python(), sample, coldRuns);

            System.out.printf("file: %s, %d lines%n", sample.getFileName(), source.lines().count());
            report("fast tier (compile + pyflakes, warm worker)", fast);
            report("deep tier (pylint, warm pool of " + settings.deepWorkers() + ")", deep);
            report("cold pylint command", cold);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT fast_p50_ms=%.1f deep_p50_ms=%.1f cold_pylint_p50_ms=%.1f speedup=%.1f%n",
                    p50(fast),
                    p50(deep),
                    p50(cold),
                    p50(cold) / p50(deep));
        }
    }

    /** Each request is a new version of the document, as while typing: one edit further than the last. */
    private static List<Double> timeTier(Linter linter, Tier tier, String source, int runs) {
        List<Double> millis = new ArrayList<>();
        int findings = -1;
        for (int version = 0; version < WARM_UP + runs; version++) {
            String edited = source + "# edit " + version + "\n";
            long start = System.nanoTime();
            LintResult result = linter.lint(tier, new LintRequest(version, "sample.py", edited));
            long elapsed = System.nanoTime() - start;
            findings = result.diagnostics().size();
            if (version >= WARM_UP) {
                millis.add(elapsed / 1e6);
            }
        }
        System.out.printf("%s tier reports %d diagnostics%n", tier.name().toLowerCase(Locale.ROOT), findings);
        return millis;
    }

    private static List<Double> timeColdPylint(Path python, Path sample, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ProcessBuilder pylint = new ProcessBuilder(
                            python.toString(), "-m", "pylint", "--persistent=n", sample.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            pylint.start().waitFor();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
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
