package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.InvalidCourseException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A roster as an instructor uploads or pastes it: one username or email address per row, in the first column, with or
 * without a header row, separated by commas, semicolons or tabs.
 */
public final class RosterFile {

    public static final int MAX_CHARS = 256 * 1024;
    public static final int MAX_ROWS = 1000;
    private static final Set<String> HEADERS =
            Set.of("username", "user", "user name", "login", "email", "e-mail", "mail");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>]{1,64}@[^@\\s\"<>]+\\.[^@\\s\"<>]{1,63}");

    /**
     * One row of the roster.
     *
     * @param row its number among the non-blank rows, counting a header
     * @param entry the username or email address, lower case; what the row held when it holds no valid one
     * @param problem why the row is refused, or null
     */
    public record Row(long row, String entry, String problem) {

        public boolean valid() {
            return problem == null;
        }
    }

    private RosterFile() {}

    /**
     * Reads every row, marking the ones that cannot be used and the repeats.
     *
     * @throws InvalidCourseException when the text is too large, not text, or not CSV
     */
    public static List<Row> read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCourseException("The roster is empty: give one username or email address per line.");
        }
        if (text.length() > MAX_CHARS) {
            throw new InvalidCourseException("The roster is too large: at most " + MAX_CHARS / 1024 + " KiB.");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidCourseException("This is not a text file: give a CSV or plain list of usernames.");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CSVParser parser = format(body).parse(new StringReader(body))) {
            for (CSVRecord record : parser) {
                String entry = record.get(0).strip().toLowerCase(Locale.ROOT);
                boolean blank = record.stream().allMatch(String::isBlank);
                if (blank || record.getRecordNumber() == 1 && HEADERS.contains(entry)) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidCourseException("The roster has more than " + MAX_ROWS + " rows: split it.");
                }
                rows.add(row(record.getRecordNumber(), entry, seen));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidCourseException("This is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidCourseException("The roster names nobody: give one username or email address per line.");
        }
        return rows;
    }

    private static Row row(long number, String entry, Map<String, Long> seen) {
        if (entry.isEmpty()) {
            return new Row(number, entry, "the first column is empty");
        }
        if (!(entry.contains("@") ? EMAIL : USERNAME).matcher(entry).matches()) {
            return new Row(number, entry, "not a username or an email address");
        }
        Long first = seen.putIfAbsent(entry, number);
        return first == null ? new Row(number, entry, null) : new Row(number, entry, "also on row " + first);
    }

    private static CSVFormat format(String body) {
        String firstLine = body.strip().lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf('\t') >= 0 ? '\t' : firstLine.indexOf(';') >= 0 ? ';' : ',';
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }
}
