package dev.pyroom.bench;

import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The lost-save check: the student downloads their workspace and finds {@code main.py} as their last acknowledged
 * save left it (or as a save that was never acknowledged, which may or may not have landed). A save not found, or a
 * workspace not readable after three tries a second apart, counts as {@code lost_saves} of the phase that ended.
 */
final class SavedWork {

    private final PhaseTally tally;

    SavedWork(PhaseTally tally) {
        this.tally = tally;
    }

    /** Checks the saves of the session's {@code endedPhase}. */
    ChainBuilder checkSaves() {
        return doIf(session -> session.contains("lastAcked"))
                .then(exec(session -> session.set("readBack", false))
                        .tryMax(3, "readAttempt")
                        .on(doIf(session -> session.getInt("readAttempt") > 0)
                                .then(pause(Duration.ofSeconds(1)))
                                .exec(http("read back")
                                        .get("/api/workspaces/#{workspace}/download")
                                        .check(status().is(200), bodyBytes().saveAs("download")))
                                .exec(this::compare))
                        .exec(this::unreadable));
    }

    private Session compare(Session session) {
        if (session.isFailed()) {
            return session;
        }
        String stored;
        try {
            stored = mainPy(session.get("download"));
        } catch (IOException e) {
            return session.markAsFailed();
        }
        String expected = session.getString("lastAcked");
        if (!stored.equals(expected) && !session.getList("unacked").contains(stored)) {
            lost(session, "lost save: expected " + expected.strip() + ", found " + stored.strip());
        }
        return session.set("readBack", true).remove("download");
    }

    private Session unreadable(Session session) {
        if (!session.getBoolean("readBack")) {
            lost(session, "could not read the workspace back");
        }
        return session.markAsSucceeded().remove("download");
    }

    private void lost(Session session, String what) {
        String phase = session.getString("endedPhase");
        tally.add(phase, "lost_saves");
        PhaseTally.log(session.getString("student"), "[" + phase + "] " + what);
    }

    private static String mainPy(byte[] zipped) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith("main.py")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("main.py is not in the download");
    }
}
