package dev.pyroom.workspace.boundary;

import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.workspace.control.UploadPart;
import dev.pyroom.workspace.control.UploadRefusedException;
import dev.pyroom.workspace.control.UploadSettings;
import dev.pyroom.workspace.entity.FileTooLargeException;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.primefaces.event.FilesUploadEvent;
import org.primefaces.model.file.UploadedFile;

/** The editor's upload of text files and zip archives into the open workspace. */
@Named
@RequestScoped
public class EditorUploads {

    @Inject
    EditorPage editor;

    @Inject
    WorkspaceUploads uploads;

    @Inject
    UploadSettings settings;

    @Inject
    CurrentUser currentUser;

    /** Stores everything uploaded at once, or nothing, and says which. */
    public void upload(FilesUploadEvent event) {
        List<UploadedFile> chosen = event.getFiles().getFiles();
        long sent = chosen.stream().mapToLong(UploadedFile::getSize).sum();
        try {
            if (sent > settings.limits().maxUploadBytes()) {
                throw new UploadRefusedException(
                        "An upload can be at most " + settings.limits().maxUploadBytes() / (1024 * 1024) + " MiB.");
            }
            List<UploadPart> parts = chosen.stream()
                    .map(file -> new UploadPart(file.getFileName(), file.getContent()))
                    .toList();
            UploadReport report = uploads.upload(currentUser.id(), editor.getWorkspaceId(), parts);
            inform(report);
        } catch (UploadRefusedException | InvalidNameException | FileTooLargeException | WorkspaceFullException e) {
            refuse("Nothing was uploaded. " + e.getMessage());
        } catch (WorkspaceNotFoundException e) {
            refuse("Nothing was uploaded: this workspace no longer exists.");
        }
        editor.filesChanged();
    }

    private static void inform(UploadReport report) {
        int added = report.addedFiles().size();
        String message = added == 0
                ? "Nothing new: every uploaded file is here already."
                : "Uploaded " + added + (added == 1 ? " file: " : " files: ")
                        + String.join(
                                ", ", report.addedFiles().stream().limit(10).toList())
                        + (added > 10 ? " and " + (added - 10) + " more." : ".");
        if (report.alreadyThere() > 0) {
            message += " " + report.alreadyThere() + " already here unchanged.";
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static void refuse(String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        context.validationFailed();
    }
}
