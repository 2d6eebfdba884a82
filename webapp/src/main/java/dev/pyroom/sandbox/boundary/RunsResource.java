package dev.pyroom.sandbox.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.sandbox.control.Run;
import dev.pyroom.sandbox.entity.RunResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.ExecutionException;

/**
 * Runs a file of one of the signed-in user's workspaces to its end and answers with its whole transcript. (The editor
 * streams runs over a WebSocket; this is for scripts and checks.) JSON only, so that no cross-site form can start a
 * run.
 */
@Path("workspaces/{workspaceId}/runs")
@RequestScoped
public class RunsResource {

    @Inject
    SandboxService sandboxes;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject run(@PathParam("workspaceId") long workspaceId, JsonObject request)
            throws InterruptedException, ExecutionException {
        var transcript = new Transcript();
        Run run = sandboxes.run(
                currentUser.id(), workspaceId, request.getString("entryFile", "main.py"), transcript::add);
        String input = request.getString("stdin", "");
        if (!input.isEmpty()) {
            run.sendInput(input);
        }
        run.closeInput();
        RunResult result = run.result().get();
        return JSON.createObjectBuilder()
                .add("ending", result.ending().name())
                .add("exitCode", result.exitCode())
                .add("durationMs", result.duration().toMillis())
                .add("outputTruncated", result.outputTruncated())
                .add("output", transcript.toJson())
                .build();
    }
}
