import dev.pyroom.lint.control.Completions;
import dev.pyroom.lint.control.LintSettings;
import dev.pyroom.lint.control.Linter;
import dev.pyroom.lint.entity.CompletionRequest;
import dev.pyroom.lint.entity.CompletionRequest.Wanted;
import dev.pyroom.lint.entity.CompletionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Times completion, signature help and hover through the Java API, server side (sandboxed fast workers, one student
 * typing at the end of a 100-line file with a second file in the workspace), against Jedi alone in one warm
 * interpreter and a cold interpreter per completion, on the same interpreter and file, in one run.
 * Usage: CompleteBench <file.py> <bare.py> <runs> <cold runs>
 */
public final class CompleteBench {

    private static final int WARM_UP = 10;
    private static final Map<String, String> WORKSPACE =
            Map.of("helper.py", "def average(numbers):\n    return sum(numbers) / len(numbers)\n");

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args[0]);
        String source = Files.readString(sample);
        Path bare = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int coldRuns = Integer.parseInt(args[3]);
        LintSettings settings = LintSettings.defaults();

        try (Linter linter = new Linter(settings, Executors.defaultThreadFactory())) {
            if (!linter.awaitReady(Duration.ofMinutes(5))) {
                throw new IllegalStateException("lint workers did not start");
            }
            Completions completions = new Completions(linter);
            List<Double> complete = time(completions, source, "math.sq", Wanted.COMPLETIONS, "sqrt", runs);
            List<Double> own = time(completions, source, "from helper import av", Wanted.COMPLETIONS, "average", runs);
            List<Double> signatures = time(completions, source, "print(", Wanted.SIGNATURES, "print(", runs);
            List<Double> hover = time(completions, source, "len", Wanted.HOVER, "builtins.len", runs);
            List<Double> warmBare = bare(settings.python(), bare, sample, runs);
            List<Double> cold = cold(settings.python(), sample, coldRuns);

            System.out.printf("file: %s, %d lines%n", sample.getFileName(), source.lines().count());
            report("completion `math.sq` (sandboxed worker)", complete);
            report("completion of a workspace file's name", own);
            report("signature help `print(`", signatures);
            report("hover `len`", hover);
            report("bare Jedi, same interpreter, warm, in-process", warmBare);
            report("cold python3 + import jedi + completion", cold);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT complete_p50_ms=%.1f own_module_p50_ms=%.1f signature_p50_ms=%.1f hover_p50_ms=%.1f"
                            + " bare_jedi_p50_ms=%.1f cold_jedi_p50_ms=%.1f overhead_ms=%.1f%n",
                    p50(complete),
                    p50(own),
                    p50(signatures),
                    p50(hover),
                    p50(warmBare),
                    p50(cold),
                    p50(complete) - p50(warmBare));
        }
    }

    /** Each request is a new version of the document, as while typing: the sample, one edit, then the last line. */
    private static List<Double> time(
            Completions completions, String source, String lastLine, Wanted wanted, String expected, int runs) {
        List<Double> millis = new ArrayList<>();
        for (int version = 0; version < WARM_UP + runs; version++) {
            String edited = source + "# edit " + version + "\n" + lastLine;
            int line = (int) edited.lines().count();
            CompletionRequest request = new CompletionRequest(
                    version, "sample.py", edited, line, lastLine.length() + 1, WORKSPACE, Set.of(wanted));
            long start = System.nanoTime();
            CompletionResult result = completions.complete("a-student", "1:sample.py", request);
            long elapsed = System.nanoTime() - start;
            String answer = result.suggestions() + " " + result.signatures() + " " + result.hover();
            if (!answer.contains(expected)) {
                throw new IllegalStateException("expected " + expected + " after `" + lastLine + "`, got " + answer);
            }
            if (version >= WARM_UP) {
                millis.add(elapsed / 1e6);
            }
        }
        return millis;
    }

    private static List<Double> bare(Path python, Path bare, Path sample, int runs) throws Exception {
        Process process = new ProcessBuilder(python.toString(), bare.toString(), sample.toString(), Integer.toString(runs))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Double> millis = new String(process.getInputStream().readAllBytes())
                .lines()
                .map(Double::valueOf)
                .toList();
        if (process.waitFor() != 0 || millis.isEmpty()) {
            throw new IllegalStateException("bare Jedi failed");
        }
        return millis;
    }

    /** What a completion costs without a warm engine: an interpreter started for it. */
    private static List<Double> cold(Path python, Path sample, int runs) throws Exception {
        String program = "import sys, jedi; s = open(sys.argv[1]).read() + '\\nmath.sq';"
                + " assert 'sqrt' in [c.name for c in jedi.Script(s).complete(len(s.splitlines()), 7)]";
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            int exit = new ProcessBuilder(python.toString(), "-c", program, sample.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start()
                    .waitFor();
            millis.add((System.nanoTime() - start) / 1e6);
            if (exit != 0) {
                throw new IllegalStateException("cold Jedi failed");
            }
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
