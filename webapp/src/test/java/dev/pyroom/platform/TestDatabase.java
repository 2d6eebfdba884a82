package dev.pyroom.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Stops and starts the PostgreSQL server the tests run against, through the command bin/pyroom gives them. */
final class TestDatabase {

    private TestDatabase() {}

    static void stop() throws IOException, InterruptedException {
        run("stop");
    }

    static void start() throws IOException, InterruptedException {
        run("start");
    }

    private static void run(String action) throws IOException, InterruptedException {
        String control = System.getenv("PYROOM_TEST_DB_CONTROL");
        if (control == null || control.isBlank()) {
            throw new IllegalStateException("PYROOM_TEST_DB_CONTROL is not set: run the tests with bin/pyroom test");
        }
        List<String> command = new ArrayList<>(List.of(control.split(" ")));
        command.add(action);
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed");
        }
    }
}
