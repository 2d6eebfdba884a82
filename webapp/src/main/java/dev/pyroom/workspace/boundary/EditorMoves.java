package dev.pyroom.workspace.boundary;

import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The editor's "Rename / move" of a file or folder; the open file is saved first. */
@Named
@RequestScoped
public class EditorMoves {

    @Inject
    EditorPage editor;

    @Inject
    WorkspaceFileMoves moves;

    @Inject
    CurrentUser currentUser;

    private String from;
    private String to;

    public void move() {
        editor.save();
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.isValidationFailed()) {
            return;
        }
        try {
            String source = getFrom();
            String moved = moves.move(currentUser.id(), editor.getWorkspaceId(), source, to);
            editor.pathMoved(source, moved);
            from = null;
            to = null;
            context.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_INFO, source + " is now " + moved + ".", null));
        } catch (InvalidNameException | FileNotFoundInWorkspaceException | WorkspaceNotFoundException e) {
            String message =
                    e instanceof WorkspaceNotFoundException ? "This workspace no longer exists." : e.getMessage();
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            context.validationFailed();
            editor.filesChanged();
        }
    }

    /** What to move: the open file unless the student chose another file or folder. */
    public String getFrom() {
        return from == null ? editor.getFile() : from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
