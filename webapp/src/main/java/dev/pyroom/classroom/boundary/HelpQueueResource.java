package dev.pyroom.classroom.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.classroom.entity.HelpRequest;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A course's help queue for its instructors and for scripts: GET lists the open requests in the order they were
 * asked; POST {@code {id}/answer} and {@code {id}/done} answer and close one (404 when it is not open in this course).
 * A course the caller does not teach answers 404; a caller who is no instructor, 403.
 */
@Path("courses/{courseId}/help-requests")
@RequestScoped
public class HelpQueueResource {

    @Inject
    HelpQueue queue;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject open(@PathParam("courseId") long courseId) {
        JsonArrayBuilder requests = JSON.createArrayBuilder();
        queue.open(currentUser.id(), courseId).forEach(request -> requests.add(json(request)));
        return JSON.createObjectBuilder().add("requests", requests).build();
    }

    @POST
    @Path("{requestId}/answer")
    @Produces(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("courseId") long courseId, @PathParam("requestId") long requestId) {
        return changed(queue.answer(currentUser.id(), courseId, requestId));
    }

    @POST
    @Path("{requestId}/done")
    @Produces(MediaType.APPLICATION_JSON)
    public Response done(@PathParam("courseId") long courseId, @PathParam("requestId") long requestId) {
        return changed(queue.done(currentUser.id(), courseId, requestId));
    }

    private static Response changed(boolean changed) {
        if (!changed) {
            throw new NotFoundException(Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(JSON.createObjectBuilder()
                            .add("error", "No such open request in this course.")
                            .build())
                    .build());
        }
        return Response.noContent().build();
    }

    private static JsonObject json(HelpRequest request) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", request.id())
                .add("student", request.studentName())
                .add("askedAt", request.askedAt().toString())
                .add("error", request.error());
        add(
                json,
                "workspaceId",
                request.workspaceId() == null ? null : request.workspaceId().toString());
        add(json, "file", request.file());
        add(json, "note", request.note());
        add(json, "output", request.outputTail());
        add(json, "answeredBy", request.answererName());
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
