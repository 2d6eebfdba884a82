package dev.pyroom.grading.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.grading.control.CheckJson;
import dev.pyroom.grading.entity.StudentCheck;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Checks of the signed-in student's copy of an assignment against its tests: POST checks the files as last saved and
 * answers with the result, GET lists earlier checks; both say how many checks are left where the assignment limits
 * them ({@code attemptsLeft}, null for no limit). Hidden tests show only their name, points and whether they passed.
 */
@Path("workspaces/{workspaceId}/checks")
@RequestScoped
public class ChecksResource {

    @Inject
    Checks checks;

    @Inject
    CurrentUser currentUser;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject check(@PathParam("workspaceId") long workspaceId) {
        StudentCheck check = checks.check(currentUser.id(), workspaceId);
        return JSON.createObjectBuilder(json(check))
                .add("attemptsLeft", attemptsLeft(workspaceId))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject history(@PathParam("workspaceId") long workspaceId) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        checks.history(currentUser.id(), workspaceId).forEach(check -> array.add(json(check)));
        return JSON.createObjectBuilder()
                .add("checks", array)
                .add("attemptsLeft", attemptsLeft(workspaceId))
                .build();
    }

    /** How many more checks count, or null when they are not limited. */
    private JsonValue attemptsLeft(long workspaceId) {
        return checks.attemptsLeft(currentUser.id(), workspaceId)
                .<JsonValue>map(left -> JSON.createValue(left))
                .orElse(JsonValue.NULL);
    }

    static JsonObject json(StudentCheck check) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        check.results().forEach(result -> results.add(CheckJson.object(result)));
        return JSON.createObjectBuilder()
                .add("id", check.id())
                .add("checkedAt", check.checkedAt().toString())
                .add("outcome", check.outcome().name())
                .add("score", check.score())
                .add("maxScore", check.maxScore())
                .add("passed", check.passedCount())
                .add("tests", check.results().size())
                .add("results", results)
                .build();
    }
}
