package dev.pyroom.workspace.boundary;

import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** "My workspaces": list, create, rename and delete the signed-in user's workspaces. */
@Named
@ViewScoped
public class WorkspacesPage implements Serializable {

    @Inject
    WorkspaceService workspaces;

    @Inject
    CurrentUser currentUser;

    private List<WorkspaceSummary> list;
    private String newName;
    private Long renamingId;
    private String renameTo;

    @PostConstruct
    void load() {
        list = workspaces.list(currentUser.id());
    }

    public void create() {
        try {
            WorkspaceSummary created = workspaces.create(currentUser.id(), newName);
            newName = null;
            inform("Workspace \"" + created.name() + "\" created.");
            load();
        } catch (InvalidNameException e) {
            refuse(e.getMessage());
        }
    }

    public void startRename(WorkspaceSummary workspace) {
        renamingId = workspace.id();
        renameTo = workspace.name();
    }

    public void cancelRename() {
        renamingId = null;
    }

    public void rename() {
        try {
            WorkspaceSummary renamed = workspaces.rename(currentUser.id(), renamingId, renameTo);
            renamingId = null;
            inform("Renamed to \"" + renamed.name() + "\".");
            load();
        } catch (InvalidNameException e) {
            refuse(e.getMessage());
        } catch (WorkspaceNotFoundException e) {
            goneAway();
        }
    }

    public void duplicate(WorkspaceSummary workspace) {
        try {
            WorkspaceSummary copy = workspaces.duplicate(currentUser.id(), workspace.id());
            inform("Copied to \"" + copy.name() + "\".");
            load();
        } catch (InvalidNameException e) {
            refuse(e.getMessage());
        } catch (WorkspaceNotFoundException e) {
            goneAway();
        }
    }

    public void delete(WorkspaceSummary workspace) {
        try {
            workspaces.delete(currentUser.id(), workspace.id());
            inform("Workspace \"" + workspace.name() + "\" deleted.");
        } catch (WorkspaceNotFoundException e) {
            goneAway();
        }
        load();
    }

    public boolean isRenaming(WorkspaceSummary workspace) {
        return renamingId != null && renamingId == workspace.id();
    }

    private void goneAway() {
        renamingId = null;
        refuse("That workspace no longer exists.");
        load();
    }

    private static void inform(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static void refuse(String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        context.validationFailed();
    }

    public List<WorkspaceSummary> getList() {
        return list;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getRenameTo() {
        return renameTo;
    }

    public void setRenameTo(String renameTo) {
        this.renameTo = renameTo;
    }
}
