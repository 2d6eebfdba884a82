package dev.pyroom.history.boundary;

import dev.pyroom.classroom.boundary.PageReplies;
import dev.pyroom.workspace.boundary.WorkspaceFullException;
import dev.pyroom.workspace.entity.FileTooLargeException;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Map;

/** A student's own file history, from which they can bring back an earlier version. */
@Named
@ViewScoped
public class MyHistoryPage extends FileHistoryPage {

    @Override
    protected FileHistory.Viewer viewer() {
        return FileHistory.Viewer.owner(callerId());
    }

    @Override
    protected void readParameters(Map<String, String> parameters) {
        // The owner needs nothing besides the workspace and the file.
    }

    /** Makes the shown version the file's current text, and so its newest version. */
    public void restore() {
        if (getVersion() == null) {
            return;
        }
        String savedAt = getSavedAt();
        try {
            history.restore(callerId(), workspaceId(), getVersion().id());
            showPath();
            PageReplies.inform("The version of " + savedAt + " is back in " + getPath() + ".");
        } catch (VersionNotFoundException | FileTooLargeException | InvalidNameException | WorkspaceFullException e) {
            PageReplies.refuse(e.getMessage());
        }
    }
}
