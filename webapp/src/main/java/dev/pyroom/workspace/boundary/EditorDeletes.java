package dev.pyroom.workspace.boundary;

import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The editor's "Delete" of a file or folder chosen in the tree; the open file is saved first. */
@Named
@RequestScoped
public class EditorDeletes {

    @Inject
    EditorPage editor;

    @Inject
    WorkspaceFiles files;

    @Inject
    CurrentUser currentUser;

    private String path;

    public void delete() {
        editor.save();
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.isValidationFailed()) {
            return;
        }
        try {
            files.delete(currentUser.id(), editor.getWorkspaceId(), path);
            editor.pathDeleted(path);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, path + " was deleted.", null));
        } catch (InvalidNameException | FileNotFoundInWorkspaceException | WorkspaceNotFoundException e) {
            String message =
                    e instanceof WorkspaceNotFoundException ? "This workspace no longer exists." : e.getMessage();
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            context.validationFailed();
            editor.filesChanged();
        }
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
