package dev.pyroom.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageTest {

    @Test
    void aRefusedConnectionWrappedAsTheServerWrapsItIsAnOutage() {
        SQLException refused = assertThrows(
                SQLException.class, () -> DriverManager.getConnection("jdbc:postgresql://localhost:1/pyroom"));
        ResourceAllocationException pool = new ResourceAllocationException("Connection could not be allocated");
        pool.initCause(refused);
        SQLException allocation = new SQLException("Error in allocating a connection", pool);

        assertTrue(DatabaseOutage.causedBy(
                new EJBException(new PersistenceException("Exception [EclipseLink-4002]", allocation))));
    }

    @Test
    void theDriversRefusalAloneIsAnOutage() {
        assertTrue(DatabaseOutage.causedBy(
                new PSQLException("Connection to localhost:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
    }

    @Test
    void aPoolWithNoConnectionToGiveIsAnOutage() {
        SQLException exhausted = new SQLException(
                "Error in allocating a connection",
                new ResourceAllocationException("In-use connections equal max-pool-size and expired max-wait-time"));

        assertTrue(DatabaseOutage.causedBy(new EJBTransactionRolledbackException("rolled back", exhausted)));
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");

        assertTrue(DatabaseOutage.causedBy(new PersistenceException(shutdown)));
    }

    @Test
    void anOutageChainedAsTheNextExceptionIsFound() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "22000");
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));

        assertTrue(DatabaseOutage.causedBy(new PersistenceException(batch)));
    }

    @Test
    void aRefusedStatementIsNoOutage() {
        PSQLException duplicate =
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION);

        assertFalse(DatabaseOutage.causedBy(new EJBException(new PersistenceException(duplicate))));
    }

    @Test
    void aFailureWithoutTheDatabaseIsNoOutage() {
        assertFalse(DatabaseOutage.causedBy(new EJBException(new IllegalStateException("nobody is signed in"))));
        assertFalse(DatabaseOutage.causedBy(null));
    }

    @Test
    void causesThatPointBackAtEachOtherEndTheSearch() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);

        assertFalse(DatabaseOutage.causedBy(first));
    }
}
