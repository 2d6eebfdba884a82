package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.control.FileChange;
import java.util.List;
import java.util.logging.Logger;

/** A sandbox's workspace as the host reaches it: through the agent, never through the file system. */
final class AgentWorkspace {

    private static final Logger LOG = Logger.getLogger(AgentWorkspace.class.getName());

    private final AgentRequests.Asking agent;

    AgentWorkspace(AgentRequests.Asking agent) {
        this.agent = agent;
    }

    List<FileChange> collectChanges() {
        AgentRequests.Answer answer = agent.ask(AgentConnection.COLLECT_CHANGES, AgentFiles.collectRequest());
        if (!answer.complete()) {
            LOG.info("a sandbox holds more changes than one collect carries; the rest come with the next");
        }
        return answer.changes();
    }

    void writeFile(String path, byte[] content) {
        agent.ask(AgentConnection.PUT_FILE, AgentFiles.putRequest(path, content));
    }

    void deleteFile(String path) {
        agent.ask(AgentConnection.DELETE, AgentFiles.path(path));
    }

    void makeFolder(String path) {
        agent.ask(AgentConnection.MAKE_FOLDER, AgentFiles.path(path));
    }
}
