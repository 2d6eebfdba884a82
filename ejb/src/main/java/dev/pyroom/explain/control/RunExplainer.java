package dev.pyroom.explain.control;

import dev.pyroom.explain.entity.RunExplanation;
import dev.pyroom.explain.entity.StudentFrame;
import dev.pyroom.explain.entity.Traceback;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains why a run ended badly: the first of Pyroom's error patterns ({@code /explain/errors.json}) that matches
 * the traceback at the end of its stderr, or how it ended (a limit). Pure: no sandbox, no state.
 */
public final class RunExplainer {

    private static final long MB = 1000 * 1000;
    // A subscript on a line the traceback does not mark (a mark covering the whole line is left out).
    private static final Pattern SUBSCRIPT = Pattern.compile("([A-Za-z_][\\w.]*)\\[([^\\[\\]]+)]");

    private final List<ErrorPattern> patterns;

    RunExplainer(List<ErrorPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Pyroom's explanations of run errors. */
    public static RunExplainer load() {
        return new RunExplainer(ErrorPatterns.read());
    }

    /**
     * The explanation of a run's end, or empty when there is nothing to explain: it finished, was stopped, or exited
     * with a status of its own choosing.
     *
     * @param stderr the end of what the program wrote to stderr (a few thousand characters are plenty)
     */
    public Optional<RunExplanation> explain(String stderr, RunResult result, RunLimits limits) {
        Optional<Traceback> traceback = TracebackReader.read(stderr);
        for (ErrorPattern pattern : patterns) {
            Optional<Map<String, String>> found = pattern.match(traceback, result);
            if (found.isPresent()) {
                return Optional.of(explanation(pattern, found.get(), traceback, limits));
            }
        }
        return Optional.empty();
    }

    /** The keys of the patterns, in the order they are tried. */
    public List<String> keys() {
        return patterns.stream().map(ErrorPattern::key).toList();
    }

    private static RunExplanation explanation(
            ErrorPattern pattern, Map<String, String> values, Optional<Traceback> traceback, RunLimits limits) {
        addLimits(values, limits);
        String exception = traceback.map(Traceback::exception).orElse("");
        Optional<StudentFrame> frame =
                pattern.exception() == null ? Optional.empty() : traceback.flatMap(Traceback::studentFrame);
        if (pattern.exception() != null) {
            values.put("exception", exception);
            values.put("message", traceback.get().message());
        }
        frame.ifPresent(found -> addFrame(values, found));
        return new RunExplanation(
                pattern.key(),
                pattern.exception() == null ? "" : exception,
                pattern.title(),
                pattern.text(),
                pattern.suggestion(values),
                frame.map(StudentFrame::file).orElse(""),
                frame.map(StudentFrame::line).orElse(0));
    }

    private static void addFrame(Map<String, String> values, StudentFrame frame) {
        values.put("file", frame.file());
        values.put("line", Integer.toString(frame.line()));
        values.put("code", frame.code());
        String pointed = frame.pointed();
        String marked = frame.marked();
        if (pointed.length() > 2 && pointed.startsWith("[") && pointed.endsWith("]") && marked.endsWith(pointed)) {
            values.put(
                    "target",
                    marked.substring(0, marked.length() - pointed.length()).strip());
            values.put("index", pointed.substring(1, pointed.length() - 1).strip());
        } else if (marked.isEmpty()) {
            Matcher subscript = SUBSCRIPT.matcher(frame.code());
            if (subscript.find()) {
                String target = subscript.group(1);
                String index = subscript.group(2).strip();
                // With two subscripts on the line, which one failed is anyone's guess.
                if (!subscript.find()) {
                    values.put("target", target);
                    values.put("index", index);
                }
            }
        }
    }

    private static void addLimits(Map<String, String> values, RunLimits limits) {
        values.put("wallSeconds", Long.toString(limits.wallTime().toSeconds()));
        values.put("cpuSeconds", Long.toString(limits.cpuSeconds()));
        values.put("memoryMb", Long.toString(limits.memoryBytes() / MB));
        values.put("outputMb", Long.toString(limits.outputBytes() / MB));
        values.put("fileSizeMb", Long.toString(limits.fileSizeBytes() / MB));
    }
}
