package dev.pyroom.lint.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.identity.boundary.UserService;
import dev.pyroom.lint.control.Explanations;
import dev.pyroom.lint.control.LintBackoff;
import dev.pyroom.lint.control.LintException;
import dev.pyroom.lint.control.LintHistoryWriters;
import dev.pyroom.lint.control.LintMetrics;
import dev.pyroom.lint.control.Linter;
import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.Explanation;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Tier;
import dev.pyroom.workspace.entity.InvalidNameException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.time.Duration;
import java.util.Locale;

/**
 * Checks the editor's current text: {@code fast} (syntax and pyflakes, in milliseconds) or {@code deep} (pylint).
 * The answer carries the document version it was computed for, so the editor drops answers that arrive late.
 */
@Path("lint")
@RequestScoped
public class LintResource {

    @Inject
    Linter linter;

    @Inject
    Explanations explanations;

    @Inject
    LintMetrics metrics;

    @Inject
    LintBackoff backoff;

    @Inject
    LintHistoryWriters historyWriters;

    @Inject
    LintHistory history;

    @Inject
    UserService users;

    @Inject
    LintAllowance allowance;

    @Context
    SecurityContext security;

    /**
     * Checks the text sent.
     *
     * @return the diagnostics; 429 when the user sends more requests than {@link LintAllowance} lets through, 503 when
     *     no lint worker could take the request, each with an {@code error} a student can read
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response lint(JsonObject request) {
        if (!allowance.take(security.getUserPrincipal().getName())) {
            return refusal(Response.Status.TOO_MANY_REQUESTS, "Too many lint requests: slow down.")
                    .header("Retry-After", 1)
                    .build();
        }
        if (!(request.get("version") instanceof JsonNumber version)) {
            return refusal(Response.Status.BAD_REQUEST, "A lint request needs the version of the text, as a number.")
                    .build();
        }
        Tier tier = "deep".equals(request.getString("tier", "fast")) ? Tier.DEEP : Tier.FAST;
        LintRequest lintRequest = new LintRequest(
                version.longValue(),
                lintFileName(request.getString("filename", "main.py")),
                request.getString("source", ""));
        long started = System.nanoTime();
        try {
            LintResult result =
                    linter.lint(security.getUserPrincipal().getName(), document(request), tier, lintRequest);
            metrics.answered(tier, Duration.ofNanos(System.nanoTime() - started));
            remember(request, result);
            return Response.ok(toJson(result)).build();
        } catch (LintException e) {
            return refused(tier, lintRequest, e);
        }
    }

    /**
     * A version replaced by a newer one is no failure: the editor drops its answer. A busy node asks the editor to try
     * again in a moment ({@link LintBackoff}), which it does quietly.
     */
    private Response refused(Tier tier, LintRequest lintRequest, LintException e) {
        if (e.reason() == LintException.Reason.SUPERSEDED) {
            metrics.superseded(tier);
            return Response.ok(JSON.createObjectBuilder()
                            .add("version", lintRequest.documentVersion())
                            .add("tier", tier.name().toLowerCase(Locale.ROOT))
                            .add("superseded", true)
                            .build())
                    .build();
        }
        if (e.reason() == LintException.Reason.BUSY) {
            metrics.shed(tier);
            return refusal(Response.Status.SERVICE_UNAVAILABLE, "Lint is busy: your file is checked in a moment.")
                    .header("Retry-After", backoff.retryAfterSeconds(tier))
                    .build();
        }
        metrics.failed(tier);
        return switch (e.reason()) {
            case TOO_LARGE, UNCHECKABLE, TIMED_OUT ->
                refusal(422, "This file cannot be checked: " + e.getMessage()).build();
            default ->
                refusal(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).build();
        };
    }

    /** An editor's document: a workspace's file where the editor says which, else its file name. */
    private static String document(JsonObject request) {
        if (request.get("workspaceId") instanceof JsonNumber workspaceId
                && request.get("path") instanceof JsonString path) {
            return workspaceId.longValue() + ":" + path.getString();
        }
        return request.getString("filename", "main.py");
    }

    private static Response.ResponseBuilder refusal(Response.Status status, String message) {
        return refusal(status.getStatusCode(), message);
    }

    private static Response.ResponseBuilder refusal(int status, String message) {
        return Response.status(status)
                .entity(JSON.createObjectBuilder().add("error", message).build());
    }

    /**
     * A check of a saved workspace file (the editor sends its workspace and path) is kept as the file's latest, when one
     * of the node's history writers is free: under pressure the file's next check is kept instead.
     */
    private void remember(JsonObject request, LintResult result) {
        if (!(request.get("workspaceId") instanceof JsonNumber workspaceId)
                || !(request.get("path") instanceof JsonString path)
                || security.getUserPrincipal() == null) {
            return;
        }
        boolean written = historyWriters.writeIfFree(() -> {
            try {
                users.idOf(security.getUserPrincipal())
                        .ifPresent(userId -> history.record(
                                userId,
                                workspaceId.longValue(),
                                path.getString(),
                                request.getString("source", ""),
                                result));
            } catch (InvalidNameException e) {
                // A path no file can have was sent: there is nothing to remember it by.
            }
        });
        if (!written) {
            metrics.historySkipped();
        }
    }

    private JsonObject toJson(LintResult result) {
        JsonArrayBuilder diagnostics = JSON.createArrayBuilder();
        for (Diagnostic diagnostic : result.diagnostics()) {
            Explanation explanation = explanations.explain(diagnostic);
            diagnostics.add(JSON.createObjectBuilder()
                    .add("line", diagnostic.line())
                    .add("column", diagnostic.column())
                    .add("endLine", diagnostic.endLine())
                    .add("endColumn", diagnostic.endColumn())
                    .add("severity", diagnostic.severity().name().toLowerCase(Locale.ROOT))
                    .add("code", diagnostic.code())
                    .add("symbol", diagnostic.symbol())
                    .add("message", diagnostic.message())
                    .add(
                            "explanation",
                            JSON.createObjectBuilder()
                                    .add("title", explanation.title())
                                    .add("text", explanation.text())
                                    .add("before", nullToEmpty(explanation.before()))
                                    .add("after", nullToEmpty(explanation.after()))));
        }
        return JSON.createObjectBuilder()
                .add("version", result.documentVersion())
                .add("tier", result.tier().name().toLowerCase(Locale.ROOT))
                .add("diagnostics", diagnostics)
                .build();
    }

    /** The linter checks one file on its own: it needs only the file's own name, and only a Python one. */
    static String lintFileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.py") ? name : "main.py";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
