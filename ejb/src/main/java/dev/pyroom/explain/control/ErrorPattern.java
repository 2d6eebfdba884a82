package dev.pyroom.explain.control;

import dev.pyroom.explain.entity.Traceback;
import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of run error and its explanation. A pattern with an exception matches a traceback naming that class
 * ({@code *} for any) whose message matches {@code message}, in a run that exited by itself with a status other
 * than 0 or, when {@code ending} is given, ended so ({@code MemoryError} ends a run as out of memory). A pattern
 * without one matches every run with its ending. The suggestions are templates over the message's named groups and
 * the values {@link RunExplainer} adds; the first whose every {@code ${name}} has a value is shown.
 *
 * @param message the whole message must match it; null for any message
 * @param nearest when not null, the pattern only matches when the group's value is a near miss of one of the words
 */
record ErrorPattern(
        String key,
        String exception,
        Pattern message,
        RunEnding ending,
        String title,
        String text,
        List<String> suggestions,
        Nearest nearest) {

    static final String ANY_EXCEPTION = "*";
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    /** A misspelt word: {@code group}'s value, when it is within two edits of one of {@code words} but none of them. */
    record Nearest(String group, List<String> words) {

        Optional<String> of(String value) {
            if (words.contains(value)) {
                return Optional.empty();
            }
            String best = null;
            int bestDistance = 3;
            for (String word : words) {
                int distance = EditDistance.between(value, word);
                if (distance < bestDistance) {
                    best = word;
                    bestDistance = distance;
                }
            }
            return Optional.ofNullable(best);
        }
    }

    ErrorPattern {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        suggestions = List.copyOf(suggestions);
        if (exception == null && ending == null) {
            throw new IllegalArgumentException(key + ": a pattern needs an exception or an ending");
        }
        if (exception == null && message != null) {
            throw new IllegalArgumentException(key + ": a message needs an exception");
        }
    }

    /** The values this pattern found in the run, or empty when it does not match. */
    Optional<Map<String, String>> match(Optional<Traceback> traceback, RunResult result) {
        if (exception == null) {
            return result.ending() == ending ? Optional.of(new HashMap<>()) : Optional.empty();
        }
        if (traceback.isEmpty() || !endedByException(result)) {
            return Optional.empty();
        }
        Traceback found = traceback.get();
        if (!exception.equals(ANY_EXCEPTION) && !exception.equals(found.exception())) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        if (message != null) {
            Matcher matcher = message.matcher(found.message());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Matcher names = GROUP_NAME.matcher(message.pattern());
            while (names.find()) {
                String value = matcher.group(names.group(1));
                if (value != null) {
                    values.put(names.group(1), value);
                }
            }
        }
        if (nearest != null) {
            Optional<String> near = nearest.of(values.getOrDefault(nearest.group(), ""));
            if (near.isEmpty()) {
                return Optional.empty();
            }
            values.put("nearest", near.get());
        }
        return Optional.of(values);
    }

    /** A program that printed a traceback and went on to exit with 0 handled its exception. */
    private boolean endedByException(RunResult result) {
        return ending == null
                ? result.ending() == RunEnding.EXITED && result.exitCode() != 0
                : result.ending() == ending;
    }

    /** The first suggestion all of whose placeholders have a value, filled in; empty when none has. */
    String suggestion(Map<String, String> values) {
        for (String template : suggestions) {
            Optional<String> filled = fill(template, values);
            if (filled.isPresent()) {
                return filled.get();
            }
        }
        return "";
    }

    static Optional<String> fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return Optional.of(filled.toString());
    }
}
