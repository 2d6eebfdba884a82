package dev.pyroom.classroom.control;

import dev.pyroom.classroom.entity.CourseLimits;
import dev.pyroom.classroom.entity.ServerLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The server-wide run limits an admin set, read on every run so all nodes apply the same ones. */
@Dependent
public class ServerLimitsRepository {

    private static final String COLUMNS = "default_wall_seconds, default_cpu_seconds, default_memory_mib,"
            + " default_processes, default_output_kib, max_wall_seconds, max_cpu_seconds, max_memory_mib,"
            + " max_processes, max_output_kib";

    @PersistenceContext(unitName = "pyroom")
    EntityManager em;

    public ServerLimits find() {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM server_run_limits WHERE id = 1")
                .getResultList();
        return rows.stream().map(row -> toLimits((Object[]) row)).findFirst().orElse(ServerLimits.CONFIGURED);
    }

    public void save(ServerLimits limits) {
        StringBuilder values = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        String[] columns = COLUMNS.split(",\\s*");
        for (int i = 0; i < columns.length; i++) {
            values.append(", CAST(?").append(i + 1).append(" AS integer)");
            updates.append(columns[i]).append(" = EXCLUDED.").append(columns[i]).append(", ");
        }
        var query = em.createNativeQuery("INSERT INTO server_run_limits (id, " + COLUMNS + ") VALUES (1" + values
                + ") ON CONFLICT (id) DO UPDATE SET " + updates + "updated_at = now()");
        Integer[] fields = fields(limits);
        for (int i = 0; i < fields.length; i++) {
            query.setParameter(i + 1, fields[i]);
        }
        query.executeUpdate();
    }

    private static Integer[] fields(ServerLimits limits) {
        CourseLimits d = limits.defaults();
        CourseLimits m = limits.maximums();
        return new Integer[] {
            d.wallSeconds(), d.cpuSeconds(), d.memoryMib(), d.processes(), d.outputKib(),
            m.wallSeconds(), m.cpuSeconds(), m.memoryMib(), m.processes(), m.outputKib()
        };
    }

    private static ServerLimits toLimits(Object[] row) {
        return new ServerLimits(
                new CourseLimits(integer(row[0]), integer(row[1]), integer(row[2]), integer(row[3]), integer(row[4])),
                new CourseLimits(integer(row[5]), integer(row[6]), integer(row[7]), integer(row[8]), integer(row[9])));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
