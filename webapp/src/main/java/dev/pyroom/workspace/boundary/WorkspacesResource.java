package dev.pyroom.workspace.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in user's workspaces, for scripts and the editor. */
@Path("workspaces")
@RequestScoped
public class WorkspacesResource {

    @Inject
    WorkspaceService workspaces;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray list() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (WorkspaceSummary workspace : workspaces.list(currentUser.id())) {
            list.add(JSON.createObjectBuilder()
                    .add("id", workspace.id())
                    .add("name", workspace.name())
                    .add("updatedAt", workspace.updatedAt().toString()));
        }
        return list.build();
    }
}
