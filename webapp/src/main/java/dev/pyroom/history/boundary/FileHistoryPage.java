package dev.pyroom.history.boundary;

import dev.pyroom.classroom.boundary.CourseNotFoundException;
import dev.pyroom.history.entity.FileVersion;
import dev.pyroom.history.entity.VersionText;
import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.workspace.boundary.WorkspaceNotFoundException;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A timeline of one workspace file's saved versions: a file to pick, a position to move along, and the version there
 * with its text, its lint result and how the runs after it went. Opens on the newest version.
 */
public abstract class FileHistoryPage implements Serializable {

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("d MMM HH:mm:ss");

    @Inject
    FileHistory history;

    @Inject
    CurrentUser currentUser;

    private long workspaceId;
    private String path;
    private List<String> paths = List.of();
    private List<FileVersion> timeline = List.of();
    private int position;
    private transient VersionText shown;

    /** Who looks: the owner, or an instructor of the workspace's course. */
    protected abstract FileHistory.Viewer viewer();

    /** Reads the parameters the page's subclass needs besides {@code workspace} and {@code file}. */
    protected abstract void readParameters(Map<String, String> parameters);

    /** Opens the file the URL names (or the first with versions) at its newest version; 404 when not allowed. */
    public void open() throws IOException {
        Map<String, String> parameters =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            readParameters(parameters);
            workspaceId = Long.parseLong(parameters.getOrDefault("workspace", ""));
            paths = history.paths(viewer(), workspaceId);
            path = parameters.get("file");
            if (path == null || !paths.contains(path)) {
                path = paths.isEmpty() ? null : paths.get(0);
            }
            showPath();
        } catch (WorkspaceNotFoundException | CourseNotFoundException | NumberFormatException e) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such workspace");
            context.responseComplete();
        }
    }

    /** Shows the newest version of the chosen file. */
    public void showPath() {
        timeline = path == null || !paths.contains(path) ? List.of() : history.timeline(viewer(), workspaceId, path);
        position = timeline.size();
        shown = null;
    }

    public void earlier() {
        setPosition(position - 1);
    }

    public void later() {
        setPosition(position + 1);
    }

    /** The version at the current position, or null when the file has none. */
    public FileVersion getVersion() {
        return timeline.isEmpty() ? null : timeline.get(position - 1);
    }

    public String getContent() {
        FileVersion version = getVersion();
        if (version == null) {
            return "";
        }
        if (shown == null || shown.id() != version.id()) {
            shown = history.text(viewer(), workspaceId, version.id());
        }
        return shown.content();
    }

    public String getSavedAt() {
        FileVersion version = getVersion();
        return version == null ? "" : SAVED_AT.format(version.savedAt().toLocalDateTime());
    }

    protected long workspaceId() {
        return workspaceId;
    }

    protected long callerId() {
        return currentUser.id();
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public List<String> getPaths() {
        return paths;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public int getVersionCount() {
        return timeline.size();
    }

    /** 1 for the oldest version, {@link #getVersionCount()} for the newest. */
    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = timeline.isEmpty() ? 0 : Math.max(1, Math.min(timeline.size(), position));
    }
}
