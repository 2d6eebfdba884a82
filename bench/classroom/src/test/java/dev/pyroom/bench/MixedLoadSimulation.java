package dev.pyroom.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.form;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Signed-in students working in the editor while the operator cuts over, rolls back or loses a node (the mixed load
 * of infra-blue-green's verify.sh and pipeline, through lib/mixed-load.sh). Each signs in once through Keycloak's
 * login form, creates a workspace, keeps its editor page open and works in turns until asked to stop: save, lint,
 * run, save, lint, page load (every other one a reload of the editor). After a failure the student reloads the
 * editor, signing in again if sent to the form. The phases, the lost-save check and the printed counts are
 * {@link PhaseTally}'s.
 *
 * <p>Settings: {@code -Dmixed.url} (HAProxy's https address), {@code -Dmixed.control} (the control folder),
 * {@code -Dmixed.students}, {@code -Dmixed.accounts} ("USER:PASSWORD ...", shared round robin), and
 * {@code -Dmixed.cookie=NAME=VALUE}, a cookie for Pyroom's host from the first request on ({@code pyroom-preview=idle}
 * reaches the idle colour).
 */
public class MixedLoadSimulation extends Simulation {

    private static final String BASE = Settings.required("mixed.url").replaceAll("/+$", "");
    private static final int STUDENTS = Integer.getInteger("mixed.students", 6);
    private static final List<String> ACCOUNTS =
            List.of(Settings.required("mixed.accounts").trim().split("\\s+"));
    private static final String COOKIE = System.getProperty("mixed.cookie", "");
    private static final Duration BETWEEN_TURNS = Duration.ofMillis(150);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PhaseTally tally = new PhaseTally(Path.of(Settings.required("mixed.control")), STUDENTS);
    private final EditorWork work = new EditorWork(BASE, tally);
    private final EditorRun run = new EditorRun(work, BASE);
    private final SavedWork saved = new SavedWork(tally);

    /** One sign-in at a time: Keycloak refuses some of several simultaneous sign-ins to one account. */
    private static final AtomicBoolean SIGNING_IN = new AtomicBoolean();

    private static Iterator<Map<String, Object>> students() {
        AtomicInteger next = new AtomicInteger();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        return Stream.generate(() -> {
                    int number = next.getAndIncrement();
                    String[] account = ACCOUNTS.get(number % ACCOUNTS.size()).split(":", 2);
                    return Map.<String, Object>of(
                            "student", "student-" + number,
                            "username", account[0],
                            "password", account[1],
                            "workspaceName", "verify " + runId + " " + number,
                            "phase", "setup",
                            "saveNumber", 0,
                            "unacked", List.of());
                })
                .iterator();
    }

    private ChainBuilder signIn() {
        return asLongAs(session -> !SIGNING_IN.compareAndSet(false, true))
                .on(pause(Duration.ofMillis(50)))
                .exec(work.count("requests"), work.count("requests"))
                .exec(KeycloakSignIn.signIn("/my/workspaces.xhtml", "#{username}", "#{password}", "My workspaces"))
                .exec(session -> {
                    SIGNING_IN.set(false);
                    return session;
                });
    }

    private ChainBuilder createWorkspace() {
        return work.counted(http("GET /my/workspaces.xhtml")
                        .get("/my/workspaces.xhtml")
                        .check(work.answered(form("#workspaces").saveAs("workspacesForm"))))
                .doIf(session -> !session.isFailed())
                .then(work.counted(work.facesAjax("AJAX create workspace", "/my/workspaces.xhtml", session -> {
                    Map<String, Object> form = new LinkedHashMap<>(session.getMap("workspacesForm"));
                    form.put("workspaces:newName", session.getString("workspaceName"));
                    return EditorWork.ajaxParams(
                            form, "workspaces:create", "workspaces:create workspaces:newName", "workspaces");
                })))
                .doIf(session -> !session.isFailed())
                .then(work.counted(http("GET /api/workspaces")
                        .get("/api/workspaces")
                        .check(work.answered(jsonPath(session ->
                                        "$[?(@.name == '" + session.getString("workspaceName") + "')].id")
                                .ofLong()
                                .saveAs("workspace")))));
    }

    private ChainBuilder setUp() {
        int equals = COOKIE.indexOf('=');
        ChainBuilder start = COOKIE.isEmpty()
                ? exec(session -> session)
                : exec(addCookie(Cookie(COOKIE.substring(0, equals), COOKIE.substring(equals + 1))));
        return start.exec(signIn())
                .doIf(session -> !session.isFailed())
                .then(createWorkspace())
                .doIf(session -> !session.isFailed())
                .then(work.openEditor())
                .exec(session -> {
                    if (session.isFailed()) {
                        tally.add("setup", "failed");
                        PhaseTally.log(session.getString("student"), "could not set up: HTTP "
                                + session.getString("status") + " at " + session.getString("landed"));
                    }
                    tally.setUpDone(!session.isFailed());
                    return session;
                });
    }

    /** At a phase change, the saves of the phase that ended are checked before the student goes on. */
    private ChainBuilder followPhase() {
        return exec(session -> {
                    String now = tally.currentPhase();
                    String phase = session.getString("phase");
                    // An empty name is the control file caught while the shell rewrites it: no change yet.
                    return now.isEmpty() || now.equals(phase)
                            ? session.remove("endedPhase")
                            : session.set("endedPhase", phase).set("phase", now);
                })
                .doIf(session -> session.contains("endedPhase"))
                .then(saved.checkSaves());
    }

    private ChainBuilder turn() {
        return exec(session -> session.remove("landed").remove("signInMarks").remove("status").remove("failure"))
                .doIf(session -> session.getInt("turn") % 3 == 0)
                .then(work.save())
                .doIf(session -> session.getInt("turn") % 3 == 1)
                .then(work.lint())
                .doIf(session -> session.getInt("turn") % 6 == 2)
                .then(run.run())
                .doIf(session -> session.getInt("turn") % 12 == 5)
                .then(work.openEditor())
                .doIf(session -> session.getInt("turn") % 12 == 11)
                .then(work.page("/my/workspaces.xhtml"));
    }

    /** What a user does after a failure: reload the editor, signing in again if sent to the form. */
    private ChainBuilder recover() {
        return exec(this::noteFailure)
                .exec(work.openEditor())
                .doIf(session -> session.isFailed() && work.sentToSignIn(session))
                .then(exec(Session::markAsSucceeded).exec(signIn()).exec(work.openEditor()))
                .doIf(Session::isFailed)
                .then(exec(session -> {
                            PhaseTally.log(session.getString("student"), "could not recover: HTTP "
                                    + session.getString("status") + " at " + session.getString("landed"));
                            return session.markAsSucceeded();
                        })
                        // A user who cannot reach the editor waits a moment before trying again.
                        .pause(RETRY_AFTER));
    }

    private Session noteFailure(Session session) {
        String phase = session.getString("phase");
        tally.add(phase, "failed");
        boolean relogin = work.sentToSignIn(session);
        if (relogin) {
            tally.add(phase, "relogins");
        }
        String what = switch (session.getInt("turn") % 6) {
            case 0, 3 -> "save";
            case 1, 4 -> "lint";
            case 2 -> "run";
            default -> "GET";
        };
        String why = session.contains("failure")
                ? session.getString("failure")
                : "HTTP " + session.getString("status") + " at " + session.getString("landed");
        PhaseTally.log(session.getString("student"), "[" + phase + "] " + what + " failed: " + why
                + (relogin ? " (sent to sign in)" : ""));
        return session.markAsSucceeded();
    }

    private final ScenarioBuilder students = scenario("mixed load")
            .feed(students())
            .exec(setUp())
            .exitHereIfFailed()
            .asLongAs(session -> !tally.stopAsked(), "turn")
            .on(exec(followPhase())
                    .exec(turn())
                    .doIf(Session::isFailed)
                    .then(recover())
                    .pause(BETWEEN_TURNS))
            .exec(session -> session.set("endedPhase", session.getString("phase")))
            .exec(saved.checkSaves());

    {
        setUp(students.injectOpen(atOnceUsers(STUDENTS)))
                .protocols(http.baseUrl(BASE)
                        .wsBaseUrl(BASE.replaceFirst("^http", "ws"))
                        .acceptHeader("text/html,application/json;q=0.9,*/*;q=0.8")
                        .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Pyroom mixed load")
                        .disableCaching());
    }

    @Override
    public void after() {
        tally.print();
    }
}
