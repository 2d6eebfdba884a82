package dev.pyroom.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The database as {@code /metrics} shows it: whether it answers, and the connections Pyroom's nodes hold, by what
 * they do. Payara Micro publishes no figures of an application's own connection pool, so the connections come from
 * PostgreSQL's {@code pg_stat_activity} (they carry the application name {@value SchemaMigration#APPLICATION_NAME}):
 * all nodes of both colours together, the scrape's own connection left out.
 */
@ApplicationScoped
public class DatabaseMetrics {

    private static final Logger LOG = Logger.getLogger(DatabaseMetrics.class.getName());
    private static final String[] STATES = {"active", "idle", "idle in transaction"};

    @Inject
    MetricRegistry registry;

    @Inject
    DatabaseProbe probe;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(
                Metadata.builder()
                        .withName("pyroom.database.up")
                        .withDescription("1 when PostgreSQL answers this node, else 0")
                        .build(),
                probe,
                database -> database.isUp() ? 1 : 0);
        Metadata connections = Metadata.builder()
                .withName("pyroom.database.connections")
                .withDescription("Connections Pyroom's nodes hold to PostgreSQL, by state; NaN when it cannot tell")
                .build();
        for (String state : STATES) {
            registry.gauge(connections, this, metrics -> metrics.connections(state), new Tag("state", state));
        }
    }

    private double connections(String state) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE application_name = ? AND datname = current_database()
                           AND state = ? AND pid <> pg_backend_pid()""")) {
            query.setString(1, SchemaMigration.APPLICATION_NAME);
            query.setString(2, state);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot count database connections", e);
            return Double.NaN;
        }
    }
}
