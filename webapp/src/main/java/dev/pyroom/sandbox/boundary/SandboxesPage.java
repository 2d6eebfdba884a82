package dev.pyroom.sandbox.boundary;

import dev.pyroom.classroom.boundary.PageReplies;
import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.sandbox.entity.LiveSandbox;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** The admin's table of every sandbox on every node, refreshed by the page's poll. */
@Named
@ViewScoped
public class SandboxesPage implements Serializable {

    private static final long MIB = 1024 * 1024;

    @Inject
    SandboxAdministration administration;

    @Inject
    CurrentUser currentUser;

    private List<LiveSandbox> sandboxes;
    private List<LiveSandbox> filtered;

    public List<LiveSandbox> getSandboxes() {
        if (sandboxes == null) {
            sandboxes = administration.all();
        }
        return sandboxes;
    }

    /** Called by the page's poll: the next render reads the sandboxes afresh. */
    public void refresh() {
        sandboxes = null;
    }

    public void end(LiveSandbox sandbox) {
        boolean sent = administration.end(currentUser.id(), sandbox.workspaceId());
        PageReplies.inform(
                sent
                        ? "Ending the sandbox of " + sandbox.ownerUsername() + "'s workspace " + sandbox.workspaceName()
                                + "; its files stay."
                        : "That sandbox has already ended.");
        refresh();
    }

    public String age(LiveSandbox sandbox) {
        return readable(sandbox.age(OffsetDateTime.now()));
    }

    public String idle(LiveSandbox sandbox) {
        return readable(sandbox.idle(OffsetDateTime.now()));
    }

    public String cpu(LiveSandbox sandbox) {
        return sandbox.cpuPercent() == null ? "–" : sandbox.cpuPercent() + " %";
    }

    public String memory(LiveSandbox sandbox) {
        return sandbox.memoryBytes() == null ? "–" : Math.max(1, sandbox.memoryBytes() / MIB) + " MiB";
    }

    public List<LiveSandbox> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<LiveSandbox> filtered) {
        this.filtered = filtered;
    }

    private static String readable(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
