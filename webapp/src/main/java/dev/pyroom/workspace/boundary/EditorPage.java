package dev.pyroom.workspace.boundary;

import dev.pyroom.grading.boundary.Checks;
import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.platform.boundary.ThemeChoice;
import dev.pyroom.sandbox.boundary.SandboxService;
import dev.pyroom.workspace.entity.FileTooLargeException;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.extensions.model.monacoeditor.ELanguage;
import org.primefaces.extensions.model.monacoeditor.ETheme;
import org.primefaces.extensions.model.monacoeditor.EditorOptions;
import org.primefaces.model.TreeNode;

/** The editor: one workspace's files, the open file, saving, running, and checking against an assignment's tests. */
@Named
@ViewScoped
public class EditorPage implements Serializable {

    @Inject
    WorkspaceFiles files;

    @Inject
    WorkspaceService workspaces;

    @Inject
    CurrentUser currentUser;

    @Inject
    SandboxService sandboxes;

    @Inject
    Checks checks;

    @Inject
    ThemeChoice theme;

    private long workspaceId;
    private Boolean checkable;
    private String workspaceName;
    private String file;
    private String content;
    private String newPath;
    private List<FileEntry> entries;
    private TreeNode<FileEntry> tree;

    /**
     * A page another node rendered (after a cutover or the loss of a node) reaches this node's fresh bean: the page
     * says which workspace and file it edits, and the editor must be known before its text is decoded.
     */
    @PostConstruct
    void takeOverPageFromAnotherNode() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String workspaceRef = params.get("editor:workspaceRef");
        if (workspaceRef != null && workspaceRef.matches("\\d{1,18}")) {
            workspaceId = Long.parseLong(workspaceRef);
            file = params.get("editor:fileRef");
        }
    }

    /**
     * Opens the workspace and the file the URL asks for (or its first Python file); 404 when it is not the user's.
     * The parameters are read here, once: postbacks keep the view's workspace, whatever their URL says.
     */
    public void open() throws IOException {
        Map<String, String> parameters =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        file = parameters.get("file");
        try {
            workspaceId = Long.parseLong(parameters.getOrDefault("workspace", ""));
            workspaceName = workspaces.get(currentUser.id(), workspaceId).name();
            reloadTree();
            if (file == null
                    || entries.stream()
                            .noneMatch(entry -> !entry.folder() && entry.path().equals(file))) {
                file = FileTree.firstFile(entries);
            }
            content = file == null ? "" : files.read(currentUser.id(), workspaceId, file);
            sandboxes.prepare(currentUser.id(), workspaceId);
        } catch (WorkspaceNotFoundException | NumberFormatException e) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such workspace");
            context.responseComplete();
        }
    }

    /** Stores the open file; the page says "Saved" only after this has returned without a message. */
    public void save() {
        if (file == null) {
            return;
        }
        if (content == null) {
            refuse("The editor's text did not arrive; nothing was saved. Please save again.");
            return;
        }
        try {
            files.save(currentUser.id(), workspaceId, file, withUnixLineEnds(content));
        } catch (FileTooLargeException | InvalidNameException | WorkspaceFullException e) {
            refuse(e.getMessage());
        } catch (WorkspaceNotFoundException e) {
            refuse("This workspace no longer exists.");
        }
    }

    private void switchTo(String path) {
        save();
        if (FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        try {
            content = files.read(currentUser.id(), workspaceId, path);
            file = path;
        } catch (FileNotFoundInWorkspaceException | InvalidNameException e) {
            refuse(e.getMessage());
            reloadTree();
        }
    }

    public void createFile() {
        create(false);
    }

    public void createFolder() {
        create(true);
    }

    /** Deletes the open file and opens another. */
    public void deleteOpenFile() {
        if (file == null) {
            return;
        }
        String path = file;
        try {
            files.delete(currentUser.id(), workspaceId, path);
            pathDeleted(path);
        } catch (FileNotFoundInWorkspaceException | InvalidNameException e) {
            reloadTree();
        }
    }

    /** Opens another file when the open one, or a folder holding it, was deleted. */
    public void pathDeleted(String path) {
        reloadTree();
        if (file != null && (file.equals(path) || file.startsWith(path + "/"))) {
            file = FileTree.firstFile(entries);
            try {
                content = file == null ? "" : files.read(currentUser.id(), workspaceId, file);
            } catch (FileNotFoundInWorkspaceException | InvalidNameException e) {
                content = "";
            }
        }
    }

    private void create(boolean folder) {
        try {
            FileEntry created = folder
                    ? files.createFolder(currentUser.id(), workspaceId, newPath)
                    : files.save(currentUser.id(), workspaceId, newPath, "");
            newPath = null;
            reloadTree();
            if (!folder) {
                switchTo(created.path());
            }
        } catch (InvalidNameException | WorkspaceFullException e) {
            refuse(e.getMessage());
        }
    }

    /** Shows the workspace's files as they are now, after another bean changed them. */
    public void filesChanged() {
        reloadTree();
    }

    /** Follows the open file when it, or a folder holding it, got another path. */
    public void pathMoved(String from, String to) {
        if (file != null && (file.equals(from) || file.startsWith(from + "/"))) {
            file = to + file.substring(from.length());
        }
        reloadTree();
    }

    /** Browsers submit form text with CR LF line ends; Python files keep the LF the editor shows. */
    private static String withUnixLineEnds(String text) {
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    private void reloadTree() {
        entries = files.list(currentUser.id(), workspaceId);
        tree = FileTree.of(entries);
    }

    private static void refuse(String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        context.validationFailed();
    }

    /** Whether the workspace is a copy of an assignment with tests: only then does the editor offer Check. */
    public boolean isCheckable() {
        if (checkable == null) {
            try {
                checkable = workspaceId != 0 && checks.hasTests(currentUser.id(), workspaceId);
            } catch (WorkspaceNotFoundException e) {
                checkable = false;
            }
        }
        return checkable;
    }

    public EditorOptions getEditorOptions() {
        return new EditorOptions()
                .setLanguage(ELanguage.PYTHON)
                .setFontSize(14)
                .setTabSize(4)
                .setAutomaticLayout(true)
                .setTheme(theme.isDark() ? ETheme.VS_DARK : ETheme.VS);
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    /** Set from the page's own hidden field: a save names the workspace it was rendered for. */
    public void setWorkspaceId(long workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getWorkspaceName() {
        return workspaceName;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getNewPath() {
        return newPath;
    }

    public void setNewPath(String newPath) {
        this.newPath = newPath;
    }

    public TreeNode<FileEntry> getTree() {
        return tree;
    }
}
