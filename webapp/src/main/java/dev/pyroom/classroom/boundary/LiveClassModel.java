package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.StudentActivity;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The live table's rows. The whole class comes from one query per refresh (a few hundred rows at most); sorting,
 * filtering and paging happen here, so the table costs one database round trip however it is viewed.
 */
final class LiveClassModel extends LazyDataModel<StudentActivity> {

    private static final Map<String, Comparator<StudentActivity>> SORTS = Map.of(
            "displayName", Comparator.comparing(s -> s.displayName().toLowerCase(Locale.ROOT)),
            "online", Comparator.comparing(StudentActivity::online),
            "sandboxState", Comparator.comparing(StudentActivity::sandboxState),
            "lastActivity", nullsFirst(StudentActivity::lastActivity),
            "lastRun", nullsFirst(StudentActivity::lastRun),
            "lintErrors", Comparator.comparingInt(StudentActivity::lintErrors),
            "tests", Comparator.comparingDouble(StudentActivity::testsShare));

    private final transient Supplier<List<StudentActivity>> students;

    LiveClassModel(Supplier<List<StudentActivity>> students) {
        this.students = students;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) filtered(filterBy).count();
    }

    @Override
    public List<StudentActivity> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Stream<StudentActivity> rows = filtered(filterBy);
        for (SortMeta sort : sortBy.values()) {
            Comparator<StudentActivity> comparator = SORTS.get(sort.getField());
            if (comparator != null && sort.getOrder() != SortOrder.UNSORTED) {
                rows = rows.sorted(sort.getOrder() == SortOrder.DESCENDING ? comparator.reversed() : comparator);
            }
        }
        return rows.skip(first).limit(pageSize).toList();
    }

    @Override
    public String getRowKey(StudentActivity student) {
        return Long.toString(student.studentId());
    }

    private Stream<StudentActivity> filtered(Map<String, FilterMeta> filterBy) {
        Stream<StudentActivity> rows = students.get().stream();
        for (FilterMeta filter : filterBy.values()) {
            Object value = filter.getFilterValue();
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            String wanted = value.toString().toLowerCase(Locale.ROOT);
            Function<StudentActivity, String> field = switch (filter.getField()) {
                case "sandboxState" -> StudentActivity::sandboxState;
                case "online" -> s -> Boolean.toString(s.online());
                case "topError" -> s -> s.topError() == null ? "" : s.topError();
                default -> s -> s.displayName() + " " + s.username();
            };
            boolean exact = !"displayName".equals(filter.getField()) && !"topError".equals(filter.getField());
            rows = rows.filter(s -> {
                String actual = field.apply(s).toLowerCase(Locale.ROOT);
                return exact ? actual.equals(wanted) : actual.contains(wanted);
            });
        }
        return rows;
    }

    private static <T extends Comparable<T>> Comparator<StudentActivity> nullsFirst(
            Function<StudentActivity, T> field) {
        return Comparator.comparing(field, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
