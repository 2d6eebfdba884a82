package dev.pyroom.grading.boundary;

import dev.pyroom.grading.control.CheckJson;
import dev.pyroom.grading.control.TestChecks;
import dev.pyroom.grading.entity.CheckReport;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/** Stores checks in transactions of their own, so that no transaction stays open while a check runs. */
@Stateless
@PermitAll
public class CheckRecords {

    @Inject
    TestChecks checks;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long store(long assignmentId, long studentId, long workspaceId, OffsetDateTime at, CheckReport report) {
        return checks.store(
                assignmentId,
                studentId,
                workspaceId,
                at,
                report.outcome(),
                report.score(),
                report.maxScore(),
                CheckJson.write(report.results()));
    }
}
