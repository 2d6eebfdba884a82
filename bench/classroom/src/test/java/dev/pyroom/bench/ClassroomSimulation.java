package dev.pyroom.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A class arriving at a lab: N students sign in through Keycloak's login form within the arrival window, join the
 * course through its join link (which hands them their copy of the assignment), open the editor (which checks the
 * text at once), read for a few seconds and run their program, then work for a while: a lint of their text every 3 s (every 5th deep), a run every 30 s over the run
 * WebSocket, an editor reload every 60 s. An instructor watches the course's cockpit, polled every 3 s like the
 * page does, starting in an empty room. Requests are named by phase: "quiet" before the first student arrives,
 * "arrival" until a minute after the last one arrived, "steady" after.
 */
public class ClassroomSimulation extends Simulation {

    private static final String BASE = Settings.required("classroom.url").replaceAll("/+$", "");
    private static final int STUDENTS = Integer.getInteger("classroom.students", 300);
    private static final String PREFIX = System.getProperty("classroom.user-prefix", "class");
    private static final String JOIN_CODE = Settings.required("classroom.join-code");
    private static final long COURSE = Long.parseLong(Settings.required("classroom.course"));
    private static final Duration ARRIVAL = Duration.ofSeconds(Long.getLong("classroom.arrival-seconds", 60));
    private static final Duration WORK = Duration.ofSeconds(Long.getLong("classroom.work-seconds", 300));
    /** The steady phase starts this long after the last arrival. */
    private static final Duration SETTLING = Duration.ofSeconds(60);
    /** The instructor watches an empty room this long before the first student arrives: the live view's baseline. */
    private static final Duration QUIET = Duration.ofSeconds(Long.getLong("classroom.quiet-seconds", 15));

    private static final Duration LINT_EVERY = Duration.ofSeconds(3);
    private static final int DEEP_EVERY = 5;
    private static final int RUN_EVERY = 10;
    private static final int PAGE_EVERY = 20;

    /** A check not answered after this many asks (a minute of 503s) counts as failed. */
    private static final int MOST_LINT_ASKS = 60;
    private static final AtomicInteger LINT_RETRIES = new AtomicInteger();
    private static final ResponseBytes COCKPIT_BYTES = new ResponseBytes();

    private static volatile long startedAt;

    static String studentName(String prefix, int number) {
        return String.format("%s%03d", prefix, number);
    }

    /** "quiet ", "arrival " or "steady ", by the time the request starts. */
    private static String phase() {
        long elapsed = System.nanoTime() - startedAt;
        if (elapsed < QUIET.toNanos()) {
            return "quiet ";
        }
        return elapsed < QUIET.plus(ARRIVAL).plus(SETTLING).toNanos() ? "arrival " : "steady ";
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .wsBaseUrl(BASE.replaceFirst("^http", "ws"))
            .acceptHeader("text/html,application/json;q=0.9,*/*;q=0.8")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Pyroom classroom bench")
            .disableCaching();

    private static KeycloakAccounts accounts() {
        return new KeycloakAccounts(
                Settings.required("classroom.keycloak-url"), System.getProperty("classroom.realm", "pyroom"));
    }

    private static String keycloakAdmin() {
        return System.getProperty("classroom.keycloak-admin", "admin");
    }

    private static String keycloakAdminPassword() {
        return System.getProperty("classroom.keycloak-admin-password", "admin");
    }

    @Override
    public void before() {
        try {
            accounts().ensureStudents(PREFIX, STUDENTS, keycloakAdmin(), keycloakAdminPassword());
        } catch (Exception e) {
            throw new IllegalStateException("could not make the class's Keycloak accounts", e);
        }
        startedAt = System.nanoTime();
    }

    @Override
    public void after() {
        System.out.println("LINT_RETRIES " + LINT_RETRIES.get());
        COCKPIT_BYTES.print("COCKPIT_BYTES");
        try {
            accounts().deleteStudents(PREFIX, STUDENTS, keycloakAdmin(), keycloakAdminPassword());
        } catch (Exception e) {
            throw new IllegalStateException("could not delete the class's Keycloak accounts", e);
        }
    }

    private final AtomicInteger nextStudent = new AtomicInteger();

    private Iterator<Map<String, Object>> students() {
        return Stream.generate(() -> {
                    String username = studentName(PREFIX, nextStudent.incrementAndGet());
                    return Map.<String, Object>of("username", username);
                })
                .iterator();
    }

    private static ChainBuilder run(String name) {
        return group(session -> phase() + name)
                .on(exec(ws("run: connect").connect("/ws/run").header("Origin", BASE))
                        .exec(ws("run: program")
                                .sendText(session -> "{\"type\":\"run\",\"workspaceId\":" + session.getLong("workspace")
                                        + ",\"entryFile\":\"main.py\"}")
                                .await(60)
                                .on(ws.checkTextMessage("run: ended")
                                        .matching(regex("\"type\":\"(end|error)\""))
                                        .check(regex("\"type\":\"end\""), substring("exit code 0"))))
                        .exec(ws("run: close").close()));
    }

    private static ChainBuilder editorPage(String name) {
        return exec(http(session -> phase() + name)
                .get("/my/editor.xhtml?workspace=#{workspace}")
                .check(status().is(200), substring("Pyroom.editor.attach")));
    }

    /**
     * The editor's lint request for the text's version, of the tier the session's {@code tier} names, asked again
     * after the Retry-After of a busy node's 503 as lint.js does: timed to the answer, retries and waits included.
     */
    private static ChainBuilder lint() {
        return group(session -> phase() + "lint " + session.getString("tier"))
                .on(exec(session -> session.set("answered", false).set("asked", 0))
                        .asLongAs(session -> !session.getBoolean("answered") && session.getInt("asked") < MOST_LINT_ASKS)
                        .on(exec(http("lint request")
                                        .post("/api/lint")
                                        .header("Content-Type", "application/json")
                                        .header("Origin", BASE)
                                        .body(StringBody(ClassroomSimulation::lintRequest))
                                        .check(
                                                status().in(200, 503).saveAs("lintStatus"),
                                                header("Retry-After").optional().saveAs("retryAfter"),
                                                jsonPath("$.version").optional().saveAs("answeredVersion")))
                                .exec(ClassroomSimulation::noteLintAnswer)
                                .doIf(session -> !session.getBoolean("answered"))
                                .then(pause(session -> Duration.ofSeconds(Long.parseLong(
                                        session.getString("retryAfter") == null ? "1" : session.getString("retryAfter"))))))
                        .exec(session -> session.getBoolean("answered") ? session : session.markAsFailed()));
    }

    private static Session noteLintAnswer(Session session) {
        boolean answered = session.getInt("lintStatus") == 200 && session.contains("answeredVersion");
        if (!answered) {
            LINT_RETRIES.incrementAndGet();
        }
        return session.set("answered", answered)
                .set("asked", session.getInt("asked") + 1)
                .remove("answeredVersion");
    }

    private static ChainBuilder lint(String tier, int version) {
        return exec(session -> session.set("tier", tier).set("version", version)).exec(lint());
    }

    /** While working: the text changes every round, and every fifth check is deep. */
    private static ChainBuilder typedAndLinted() {
        return exec(session -> {
                    int tick = session.getInt("tick");
                    return session.set("tier", tick % DEEP_EVERY == DEEP_EVERY - 1 ? "deep" : "fast")
                            .set("version", tick + 1);
                })
                .exec(lint());
    }

    private static String lintRequest(Session session) {
        int version = session.getInt("version");
        return jakarta.json.Json.createObjectBuilder()
                .add("tier", session.getString("tier"))
                .add("version", version)
                .add("filename", "main.py")
                .add("path", "main.py")
                .add("workspaceId", session.getLong("workspace"))
                .add("source", StudentProgram.version(version))
                .build()
                .toString();
    }

    private final ScenarioBuilder students = scenario("students")
            .feed(students())
            .exec(KeycloakSignIn.signIn(
                    "/my/courses.xhtml?code=" + JOIN_CODE, "#{username}", "#{username}", "You are in"))
            .exitHereIfFailed()
            .exec(http(session -> phase() + "workspaces")
                    .get("/api/workspaces")
                    .check(jsonPath("$[0].id").ofLong().saveAs("workspace")))
            .exitHereIfFailed()
            .exec(editorPage("page"))
            // The editor checks its text as it opens (fast after 250 ms, deep after 1.2 s, as lint.js does); the
            // student reads for a few seconds, then presses Run.
            .pause(Duration.ofMillis(250))
            .exec(lint("fast", 0))
            .pause(Duration.ofSeconds(1))
            .exec(lint("deep", 0))
            .pause(Duration.ofSeconds(2), Duration.ofSeconds(8))
            .exec(run("first run"))
            .during(WORK, "tick")
            .on(pace(LINT_EVERY)
                    .exec(typedAndLinted())
                    .doIf(session -> session.getInt("tick") % RUN_EVERY == RUN_EVERY - 1)
                    .then(run("run"))
                    .doIf(session -> session.getInt("tick") % PAGE_EVERY == PAGE_EVERY - 1)
                    .then(editorPage("page")));

    /** The instructor's cockpit, then its poll (the AJAX request the page sends every 3 s), its bytes counted. */
    private final ScenarioBuilder instructor = scenario("instructor")
            .exec(KeycloakSignIn.signIn(
                    "/instructor/cockpit.xhtml?course=" + COURSE,
                    System.getProperty("classroom.instructor", "instructor"),
                    System.getProperty("classroom.instructor-password", "instructor"),
                    "cockpit:poll"))
            .exec(http("instructor: cockpit")
                    .get("/instructor/cockpit.xhtml?course=" + COURSE)
                    .check(regex("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").saveAs("viewState")))
            .during(QUIET.plus(ARRIVAL).plus(WORK).plusSeconds(30))
            .on(pace(Duration.ofSeconds(3))
                    .exec(session -> session.set("phase", phase().strip()))
                    .exec(http(session -> session.getString("phase") + " cockpit")
                            .post("/instructor/cockpit.xhtml?course=" + COURSE)
                            .header("Faces-Request", "partial/ajax")
                            .header("X-Requested-With", "XMLHttpRequest")
                            .header("Origin", BASE)
                            .formParam("jakarta.faces.partial.ajax", "true")
                            .formParam("jakarta.faces.source", "cockpit:poll")
                            .formParam("jakarta.faces.partial.execute", "cockpit:poll")
                            .formParam("jakarta.faces.partial.render", "cockpit:cards cockpit:summary cockpit:errors")
                            .formParam("cockpit:poll", "cockpit:poll")
                            .formParam("cockpit", "cockpit")
                            .formParam("jakarta.faces.ViewState", "#{viewState}")
                            .check(status().is(200), substring("<partial-response"), bodyLength().saveAs("bytes")))
                    .exec(session -> {
                        COCKPIT_BYTES.add(session.getString("phase"), session.getInt("bytes"));
                        return session;
                    }));

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(students.injectOpen(nothingFor(QUIET), rampUsers(STUDENTS).during(ARRIVAL)));
        if (Boolean.parseBoolean(System.getProperty("classroom.watch", "true"))) {
            populations.add(instructor.injectOpen(atOnceUsers(1)));
        }
        setUp(populations).protocols(protocol);
    }
}
