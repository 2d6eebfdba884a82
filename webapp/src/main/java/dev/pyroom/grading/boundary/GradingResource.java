package dev.pyroom.grading.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.grading.entity.GradingProgress;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The grading of an assignment's due-date snapshots, for its instructors and for scripts: POST asks for a re-grade of
 * every snapshot with the tests as they are now (202), GET says how far the grading has come.
 */
@Path("courses/{courseId}/assignments/{assignmentId}/grading")
@RequestScoped
public class GradingResource {

    @Inject
    Gradebook gradebook;

    @Inject
    CurrentUser currentUser;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response regrade(@PathParam("courseId") long courseId, @PathParam("assignmentId") long assignmentId) {
        gradebook.regrade(currentUser.id(), courseId, assignmentId);
        return Response.accepted(progress(courseId, assignmentId)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject progress(@PathParam("courseId") long courseId, @PathParam("assignmentId") long assignmentId) {
        GradingProgress progress = gradebook.progress(currentUser.id(), courseId, assignmentId);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("snapshots", progress.snapshots())
                .add("graded", progress.graded())
                .add("done", progress.done());
        if (progress.requestedAt() != null) {
            json.add("requestedAt", progress.requestedAt().toString());
        }
        return json.build();
    }
}
