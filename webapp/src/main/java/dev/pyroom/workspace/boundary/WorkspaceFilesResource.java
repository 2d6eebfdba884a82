package dev.pyroom.workspace.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The folders and files of one of the caller's workspaces as stored, without their content: the editor asks while a
 * program runs or a terminal is open, and redraws its tree when the answer changes.
 */
@Path("workspaces/{workspaceId}/files")
@RequestScoped
public class WorkspaceFilesResource {

    @Inject
    WorkspaceFiles files;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray list(@PathParam("workspaceId") long workspaceId) {
        JsonArrayBuilder entries = JSON.createArrayBuilder();
        for (FileEntry entry : files.list(currentUser.id(), workspaceId)) {
            entries.add(JSON.createObjectBuilder()
                    .add("path", entry.path())
                    .add("folder", entry.folder())
                    .add("size", entry.sizeBytes())
                    .add("updated", entry.updatedAt().toString()));
        }
        return entries.build();
    }
}
