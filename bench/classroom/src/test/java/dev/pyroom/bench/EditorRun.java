package dev.pyroom.bench;

import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.WsFrameCheck;
import java.time.Duration;

/**
 * The editor's Run button: {@code main.py} run over the {@code /ws/run} WebSocket, which must print what the student
 * saved last and end with exit code 0. A socket the server closes mid-run (its node went away) is what the editor
 * shows as an interrupted run, which the student runs again: counted as {@code runs_interrupted}, not as failed.
 */
final class EditorRun {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SOCKET = "run";

    private final EditorWork work;
    private final String origin;

    EditorRun(EditorWork work, String origin) {
        this.work = work;
        this.origin = origin;
    }

    ChainBuilder run() {
        return work.count("requests")
                .exec(session -> session.remove("runEnd").set("runStartedAt", System.nanoTime()))
                .exec(ws("run: connect").wsName(SOCKET).connect("/ws/run").header("Origin", origin))
                // A socket that never opened stays in the session under its name and would block the next run.
                .exec(session -> session.isFailed()
                        ? session.remove(SOCKET).set("failure", "no WebSocket connection")
                        : session)
                .doIf(session -> !session.isFailed())
                .then(doIfOrElse(session -> session.contains("lastAcked"))
                        .then(exec(program(outputCheck(), endCheck())))
                        .orElse(exec(program(endCheck())))
                        .exec(session -> session.set("runFailed", session.isFailed()).markAsSucceeded())
                        .exec(ws("run: close").wsName(SOCKET).close())
                        .exec(this::judge));
    }

    private static io.gatling.javaapi.http.WsSendTextActionBuilder program(WsFrameCheck... checks) {
        return ws("run: program")
                .wsName(SOCKET)
                .sendText(session -> "{\"type\":\"run\",\"workspaceId\":" + session.getLong("workspace")
                        + ",\"entryFile\":\"main.py\"}")
                .await(TIMEOUT)
                .on(checks);
    }

    /** The program prints the text inside the last acknowledged save's print('...'). */
    private static WsFrameCheck outputCheck() {
        return ws.checkTextMessage("run: output").matching(substring(session -> expectedOutput(session) + "\\n"));
    }

    private static WsFrameCheck endCheck() {
        return ws.checkTextMessage("run: ended")
                .matching(regex("\"type\":\"(end|error)\""))
                .check(regex("\"type\":\"(end|error)\"").saveAs("runEnd"), substring("exit code 0"));
    }

    private static String expectedOutput(Session session) {
        String saved = session.getString("lastAcked");
        return saved.substring("print('".length(), saved.length() - "')\n".length());
    }

    /** No end message before the socket closed: interrupted; no end message in time, or a wrong one: failed. */
    private Session judge(Session closed) {
        Session session = closed.remove(SOCKET).markAsSucceeded();
        if (!session.getBoolean("runFailed")) {
            return work.tallied(session, "runs");
        }
        boolean closedEarly = !session.contains("runEnd")
                && System.nanoTime() - session.getLong("runStartedAt") < TIMEOUT.toNanos();
        if (closedEarly) {
            PhaseTally.log(session.getString("student"), "[" + session.getString("phase") + "] run interrupted");
            return work.tallied(session, "runs_interrupted");
        }
        String end = session.contains("runEnd")
                ? "a wrong end message"
                : "no end message in " + TIMEOUT.toSeconds() + " s";
        return session.set("failure", end + " or not the saved output").markAsFailed();
    }
}
