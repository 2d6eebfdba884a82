package dev.pyroom.sandbox.boundary;

import dev.pyroom.audit.control.AuditTrail;
import dev.pyroom.identity.boundary.Roles;
import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.sandbox.control.LiveSandboxes;
import dev.pyroom.sandbox.control.SandboxCommands;
import dev.pyroom.sandbox.entity.LiveSandbox;
import dev.pyroom.sandbox.entity.SandboxCommand;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The admin's view of every sandbox on every node, and ending any of them. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class SandboxAdministration {

    @Inject
    LiveSandboxes sandboxes;

    @Inject
    SandboxCommands commands;

    @Inject
    UserRepository users;

    @Inject
    AuditTrail audit;

    /** Every open sandbox, oldest first. */
    public List<LiveSandbox> all() {
        return sandboxes.all();
    }

    /**
     * Asks the node holding the workspace's sandbox to end it, keeping its files; audited.
     *
     * @return whether the workspace still had a sandbox
     */
    public boolean end(long callerId, long workspaceId) {
        boolean sent = commands.send(workspaceId, SandboxCommand.Action.END_SANDBOX);
        audit.record(users.get(callerId), "sandbox.end", "workspace " + workspaceId, sent ? "" : "no sandbox");
        return sent;
    }
}
