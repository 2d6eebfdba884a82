package dev.pyroom.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.form;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a signed-in student does in an open editor page: loads pages, saves through the page's {@code pyroomSave}
 * Faces AJAX command with the page's view state, asks for a lint, runs {@code main.py} over the run WebSocket and
 * checks that it printed the last save. Every request counts towards the session's {@code phase}; a request that
 * landed on Keycloak's login form leaves a mark the caller reads as a sign-in lost ({@link #sentToSignIn}).
 */
final class EditorWork {

    static final String EDITOR_FORM = "editor";
    private static final String SAVE_COMMAND =
            "pyroomSave = function\\(\\) \\{return PrimeFaces\\.ab\\(\\{s:\"([^\"]+)\",f:\"([^\"]+)\",p:\"([^\"]+)\"";
    private static final String VIEW_STATE_UPDATE =
            "<update id=\"[^\"]*jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[(.*?)\\]\\]>";

    private final String base;
    private final PhaseTally tally;

    EditorWork(String base, PhaseTally tally) {
        this.base = base;
        this.tally = tally;
    }

    /** Counts what the student did towards the phase of the moment. */
    ChainBuilder count(String field) {
        return exec(session -> {
            tally.add(session.getString("phase"), field);
            return session;
        });
    }

    /** The same count, from a session function. */
    Session tallied(Session session, String field) {
        tally.add(session.getString("phase"), field);
        return session;
    }

    ChainBuilder counted(HttpRequestActionBuilder request) {
        return count("requests").exec(request);
    }

    /** Checks every answer of Pyroom's must pass; the first two only note where the request ended. */
    CheckBuilder[] answered(CheckBuilder... more) {
        return Stream.concat(
                        Stream.of(
                                currentLocation().saveAs("landed"),
                                regex("kc-form-login|openid-connect/auth").count().saveAs("signInMarks"),
                                status().saveAs("status"),
                                status().is(200)),
                        Stream.of(more))
                .toArray(CheckBuilder[]::new);
    }

    /** The last request landed on Keycloak (or its login form) instead of Pyroom. */
    boolean sentToSignIn(Session session) {
        String landed = session.getString("landed");
        return (landed != null && !landed.startsWith(base))
                || (session.contains("signInMarks") && session.getInt("signInMarks") > 0);
    }

    ChainBuilder openEditor() {
        return counted(http("GET editor")
                        .get("/my/editor.xhtml?workspace=#{workspace}&file=main.py")
                        .check(answered(
                                regex(SAVE_COMMAND).captureGroups(3).saveAs("saveCommand"),
                                form("#" + EDITOR_FORM).saveAs("editorForm"))))
                .doIf(session -> !session.isFailed())
                .then(count("pages"));
    }

    ChainBuilder page(String path) {
        return counted(http("GET " + path).get(path).check(answered()))
                .doIf(session -> !session.isFailed())
                .then(count("pages"));
    }

    /** The editor's Faces AJAX request {@code params} (the form, the ids to process and render) on {@code path}. */
    HttpRequestActionBuilder facesAjax(String name, String path, Function<Session, Map<String, Object>> params) {
        return http(name)
                .post(path)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .formParamMap(params)
                .check(answered(
                        substring("<partial-response"),
                        regex("<error>|<redirect|validationFailed(&#34;|\"):true|ui-messages-error")
                                .notExists(),
                        regex(VIEW_STATE_UPDATE).optional().saveAs("newViewState")));
    }

    static Map<String, Object> ajaxParams(Map<String, Object> form, String source, String execute, String render) {
        Map<String, Object> params = new LinkedHashMap<>(form);
        params.put("jakarta.faces.partial.ajax", "true");
        params.put("jakarta.faces.source", source);
        params.put("jakarta.faces.partial.execute", execute);
        params.put("jakarta.faces.partial.render", render);
        params.put(source, source);
        return params;
    }

    ChainBuilder save() {
        return exec(session -> {
                    int number = session.getInt("saveNumber") + 1;
                    String content = "print('" + session.getString("workspaceName") + " save " + number + "')\n";
                    List<String> unacked = new ArrayList<>(session.getList("unacked"));
                    unacked.add(content);
                    return session.set("saveNumber", number).set("saving", content).set("unacked", unacked);
                })
                .exec(counted(facesAjax("save", "/my/editor.xhtml", EditorWork::saveParams)))
                .doIf(session -> !session.isFailed())
                .then(exec(session -> {
                            Map<String, Object> editorForm = new LinkedHashMap<>(session.getMap("editorForm"));
                            if (session.contains("newViewState")) {
                                editorForm.put("jakarta.faces.ViewState", session.getString("newViewState"));
                            }
                            return session.set("editorForm", editorForm)
                                    .set("lastAcked", session.getString("saving"))
                                    .set("unacked", List.of())
                                    .remove("newViewState");
                        })
                        .exec(count("saves")));
    }

    private static Map<String, Object> saveParams(Session session) {
        List<String> command = session.getList("saveCommand");
        Map<String, Object> form = new LinkedHashMap<>(session.getMap("editorForm"));
        String codeField = form.keySet().stream()
                .filter(name -> name.endsWith(":code_input"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no code field in " + form.keySet()));
        form.put(codeField, session.getString("saving"));
        // The page's script sends the ids to process separated by spaces.
        return ajaxParams(form, command.get(0), command.get(2).replace(',', ' '), command.get(1) + ":messages");
    }

    ChainBuilder lint() {
        return counted(http("lint")
                        .post("/api/lint")
                        .header("Content-Type", "application/json")
                        // The editor names its workspace's file: each student's checks are versions of their own.
                        .body(StringBody(session -> "{\"tier\":\"fast\",\"version\":" + session.getInt("saveNumber")
                                + ",\"workspaceId\":" + session.getLong("workspace")
                                + ",\"path\":\"main.py\",\"filename\":\"main.py\""
                                + ",\"source\":\"import os\\nprint(undefined_name)\\n\"}"))
                        .check(answered(substring("undefined_name"))))
                .doIf(session -> !session.isFailed())
                .then(count("lints"));
    }
}
