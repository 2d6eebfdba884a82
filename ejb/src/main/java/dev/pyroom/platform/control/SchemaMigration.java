package dev.pyroom.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date before anything else touches it. Flyway holds a PostgreSQL lock while it
 * migrates, so several nodes starting together migrate once.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=pyroom.db.url}",
        user = "${MPCONFIG=pyroom.db.user}",
        password = "${MPCONFIG=pyroom.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        // How long opening a connection may take, answer included. A stopped PostgreSQL refuses at once; one that
        // accepts but never answers fails each request after this long. Not shorter: a class arriving at once makes
        // the pool grow from 2 to 30 while the node is busiest, and on a saturated 2-core node opening connections
        // was seen to take over 2 s (a 2 s timeout refused some of 300 simultaneous requests to a live database).
        loginTimeout = 5,
        properties = {
            "applicationName=" + SchemaMigration.APPLICATION_NAME,
            // A restarted database leaves dead connections in the pool: validate and drop them all at once.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true",
            // How long a request waits for a free connection while all 30 are in use. Only a live, busy database
            // gets here: with a dead one each request fails as it opens its own connection (see loginTimeout). So
            // running out means load, not an outage, and a late page beats a 503: a class of 300 arriving at once
            // on a saturated 2-core node kept all 30 in use for seconds at a time, and 5 s refused some of its pages.
            "fish.payara.max-wait-time-in-millis=20000"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/pyroom";
    /** How Pyroom's connections name themselves to PostgreSQL ({@code pg_stat_activity}). */
    public static final String APPLICATION_NAME = "pyroom";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // During a cutover the previous release starts against the newer release's schema: migrations it
                // does not know must not stop it (expand/contract, docs/operations.md).
                .ignoreMigrationPatterns("*:future")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
