package dev.pyroom.lint.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.identity.boundary.CurrentUser;
import dev.pyroom.lint.control.Completions;
import dev.pyroom.lint.control.LintException;
import dev.pyroom.lint.entity.CompletionRequest;
import dev.pyroom.lint.entity.CompletionRequest.Wanted;
import dev.pyroom.lint.entity.CompletionResult;
import dev.pyroom.workspace.boundary.WorkspaceFiles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Completion, signature help and documentation at a position of a file of the caller's own workspace: the editor
 * sends the file's current text, and the workspace's other saved Python files are what it can import. Refusals are
 * lint's: JSON with an {@code error}, 429 past the caller's allowance, 503 when busy, 422 for a file too large.
 */
@Path("complete")
@RequestScoped
public class CompletionResource {

    @Inject
    Completions completions;

    @Inject
    WorkspaceFiles files;

    @Inject
    CurrentUser currentUser;

    @Inject
    LintAllowance allowance;

    @Context
    SecurityContext security;

    /**
     * Answers what the editor asks about a position.
     *
     * @return the completions, signatures and documentation asked for, with the document version they are for; 404
     *     when the workspace is not the caller's
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response complete(JsonObject request) {
        String tenant = security.getUserPrincipal().getName();
        // Completion has an allowance of its own, as large as lint's: typing asks for both.
        if (!allowance.take("complete\n" + tenant)) {
            return refusal(429, "Too many completion requests: slow down.")
                    .header("Retry-After", 1)
                    .build();
        }
        if (!(request.get("version") instanceof JsonNumber version)
                || !(request.get("workspaceId") instanceof JsonNumber workspaceId)
                || !(request.get("path") instanceof JsonString path)
                || !(request.get("source") instanceof JsonString source)
                || !(request.get("line") instanceof JsonNumber line)
                || !(request.get("column") instanceof JsonNumber column)) {
            return refusal(400, "A completion request needs version, workspaceId, path, source, line and column.")
                    .build();
        }
        Map<String, String> sources = files.pythonSources(currentUser.id(), workspaceId.longValue());
        CompletionRequest completion;
        try {
            completion = new CompletionRequest(
                    version.longValue(),
                    path.getString(),
                    source.getString(),
                    line.intValue(),
                    column.intValue(),
                    sources,
                    wanted(request));
        } catch (IllegalArgumentException e) {
            return refusal(400, "This is no position in a Python file of the workspace: " + e.getMessage())
                    .build();
        }
        try {
            String document = workspaceId.longValue() + ":" + path.getString();
            return Response.ok(toJson(completions.complete(tenant, document, completion)))
                    .build();
        } catch (LintException e) {
            return refused(completion, e);
        }
    }

    private static Set<Wanted> wanted(JsonObject request) {
        Set<Wanted> wanted = EnumSet.noneOf(Wanted.class);
        if (request.get("want") instanceof JsonArray asked) {
            for (Wanted what : Wanted.values()) {
                if (asked.contains(JSON.createValue(what.name().toLowerCase(Locale.ROOT)))) {
                    wanted.add(what);
                }
            }
        }
        return wanted;
    }

    private static Response refused(CompletionRequest request, LintException e) {
        return switch (e.reason()) {
            case SUPERSEDED ->
                Response.ok(JSON.createObjectBuilder()
                                .add("version", request.documentVersion())
                                .add("superseded", true)
                                .build())
                        .build();
            case BUSY ->
                refusal(503, "Completion is busy: try again in a moment.")
                        .header("Retry-After", 1)
                        .build();
            case TOO_LARGE, UNCHECKABLE, TIMED_OUT ->
                refusal(422, "No completion in this file: " + e.getMessage()).build();
            default -> refusal(503, e.getMessage()).build();
        };
    }

    private static Response.ResponseBuilder refusal(int status, String message) {
        return Response.status(status)
                .entity(JSON.createObjectBuilder().add("error", message).build());
    }

    private static JsonObject toJson(CompletionResult result) {
        JsonArrayBuilder suggestions = JSON.createArrayBuilder();
        result.suggestions()
                .forEach(found -> suggestions.add(
                        JSON.createObjectBuilder().add("label", found.label()).add("kind", found.kind())));
        JsonArrayBuilder signatures = JSON.createArrayBuilder();
        result.signatures()
                .forEach(signature -> signatures.add(JSON.createObjectBuilder()
                        .add("label", signature.label())
                        .add("parameters", JSON.createArrayBuilder(signature.parameters()))
                        .add("activeParameter", signature.activeParameter())
                        .add("documentation", signature.documentation())));
        var answer = JSON.createObjectBuilder()
                .add("version", result.documentVersion())
                .add("suggestions", suggestions)
                .add("signatures", signatures);
        result.hover()
                .ifPresent(hover -> answer.add(
                        "hover",
                        JSON.createObjectBuilder()
                                .add("title", hover.title())
                                .add("documentation", hover.documentation())));
        return answer.build();
    }
}
