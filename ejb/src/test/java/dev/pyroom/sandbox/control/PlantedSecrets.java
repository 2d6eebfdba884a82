package dev.pyroom.sandbox.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A host process holding a secret where a sandboxed program might look for one: in its environment, on its command
 * line, and as the name of an abstract unix socket it listens on. It lives until closed.
 */
final class PlantedSecrets implements AutoCloseable {

    private static final String HOLDER = """
            import socket, sys
            listener = socket.socket(socket.AF_UNIX)
            listener.bind(b'\\0' + sys.argv[1].encode())
            listener.listen()
            print('ready', flush=True)
            sys.stdin.read()
            """;

    final String secret = "pyroom-planted-" + UUID.randomUUID();
    private final Process process;

    PlantedSecrets() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-c", HOLDER, secret);
        builder.environment().put("PYROOM_PLANTED_SECRET", secret);
        process = builder.redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        if (!"ready".equals(reader.readLine())) {
            close();
            throw new IOException("the secret holder did not start");
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
