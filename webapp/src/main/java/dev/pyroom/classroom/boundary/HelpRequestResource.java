package dev.pyroom.classroom.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.classroom.entity.QueuePlace;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * The signed-in student's raised hand in the course of one of their assignment copies, for the editor's
 * "Ask for help": GET says whether a request is open and its place in line, POST asks ({@code {"file", "note"}}),
 * DELETE cancels. Any other workspace answers 404, as one that does not exist.
 */
@Path("workspaces/{workspaceId}/help-request")
@RequestScoped
public class HelpRequestResource {

    @Inject
    RaisedHands hands;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject place(@PathParam("workspaceId") long workspaceId) {
        return json(hands.place(currentUser.id(), workspaceId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject ask(@PathParam("workspaceId") long workspaceId, JsonObject request) {
        return json(
                Optional.of(hands.ask(currentUser.id(), workspaceId, text(request, "file"), text(request, "note"))));
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject cancel(@PathParam("workspaceId") long workspaceId) {
        hands.cancel(currentUser.id(), workspaceId);
        return json(Optional.empty());
    }

    private static String text(JsonObject request, String key) {
        return request == null || !request.containsKey(key) || request.isNull(key)
                ? null
                : request.getString(key, null);
    }

    private static JsonObject json(Optional<QueuePlace> place) {
        return place.map(open -> JSON.createObjectBuilder()
                        .add("open", true)
                        .add("requestId", open.requestId())
                        .add("position", open.position())
                        .add("answering", open.answererName() != null)
                        .add("sentence", open.sentence())
                        .build())
                .orElseGet(() -> JSON.createObjectBuilder().add("open", false).build());
    }
}
