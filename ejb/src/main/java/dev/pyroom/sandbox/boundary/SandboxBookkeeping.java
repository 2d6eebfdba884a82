package dev.pyroom.sandbox.boundary;

import dev.pyroom.platform.control.NodeIdentity;
import dev.pyroom.sandbox.control.SandboxClaims;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Records what happened in a sandbox once a run ends, on the sandbox's own thread and in a transaction of its own. */
@Stateless
@PermitAll
public class SandboxBookkeeping {

    private static final Logger LOG = Logger.getLogger(SandboxBookkeeping.class.getName());

    @Inject
    SandboxClaims claims;

    @Inject
    NodeIdentity node;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void runEnded(long workspaceId) {
        try {
            claims.lock(workspaceId)
                    .filter(claim -> claim.isHeldBy(node.id()))
                    .ifPresent(claim -> claim.idle(OffsetDateTime.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the end of a run in workspace " + workspaceId, e);
        }
    }
}
