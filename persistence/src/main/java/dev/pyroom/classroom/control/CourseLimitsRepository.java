package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.CourseLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The limits courses set for their students' runs. */
@Dependent
public class CourseLimitsRepository {

    private static final String COLUMNS = "wall_seconds, cpu_seconds, memory_mib, processes, output_kib";

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public CourseLimits find(long courseId) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM course_limits WHERE course_id = ?1")
                .setParameter(1, courseId)
                .getResultList();
        return rows.stream().map(row -> toLimits((Object[]) row)).findFirst().orElse(CourseLimits.SERVER_DEFAULTS);
    }

    /** The limits of the course a workspace was handed out in, if it is a copy of an assignment. */
    public Optional<CourseLimits> forWorkspace(long workspaceId) {
        return em.createNativeQuery("SELECT " + COLUMNS + """
                         FROM course_limits l
                         JOIN assignment a ON a.course_id = l.course_id
                         JOIN assignment_copy c ON c.assignment_id = a.id
                        WHERE c.workspace_id = ?1""")
                .setParameter(1, workspaceId)
                .getResultStream()
                .map(row -> toLimits((Object[]) row))
                .findFirst();
    }

    public void save(long courseId, CourseLimits limits) {
        em.createNativeQuery("INSERT INTO course_limits (course_id, " + COLUMNS + """
                        ) VALUES (?1, CAST(?2 AS integer), CAST(?3 AS integer), CAST(?4 AS integer), CAST(?5 AS integer),
                                CAST(?6 AS integer))
                        ON CONFLICT (course_id) DO UPDATE SET wall_seconds = EXCLUDED.wall_seconds,
                            cpu_seconds = EXCLUDED.cpu_seconds, memory_mib = EXCLUDED.memory_mib,
                            processes = EXCLUDED.processes, output_kib = EXCLUDED.output_kib""")
                .setParameter(1, courseId)
                .setParameter(2, limits.wallSeconds())
                .setParameter(3, limits.cpuSeconds())
                .setParameter(4, limits.memoryMib())
                .setParameter(5, limits.processes())
                .setParameter(6, limits.outputKib())
                .executeUpdate();
    }

    private static CourseLimits toLimits(Object[] row) {
        return new CourseLimits(integer(row[0]), integer(row[1]), integer(row[2]), integer(row[3]), integer(row[4]));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
