package dev.pyroom.sandbox.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A sandbox container as the host holds it: attached to its stdin and stdout, which carry the agent's frames. The
 * container reads stdin once ({@code StdinOnce}) and removes itself when it ends, so when the server dies its
 * connections close, the agent reads the end of its input, and the container goes too. The attachment cannot close
 * stdin on its own while it reads stdout, so the host ends the agent's input by killing the container, which ends
 * every process in it just as the agent would.
 */
final class DockerContainer implements AgentProcess {

    private static final Logger LOG = Logger.getLogger(DockerContainer.class.getName());
    private static final Duration GRACEFUL_EXIT_WAIT = Duration.ofSeconds(2);
    private static final Duration KILLED_EXIT_WAIT = Duration.ofSeconds(10);
    private static final int MAX_ERROR_CHARS = 8192;

    private final DockerClient client;
    private final String id;
    private final ChunkInputStream stdout = new ChunkInputStream();
    private final OutputStream stdin;
    private final StringBuilder errors = new StringBuilder();
    private final Attachment attachment = new Attachment();

    private DockerContainer(DockerClient client, String id, Pipe.SinkChannel stdin) {
        this.client = client;
        this.id = id;
        this.stdin = new FilterOutputStream(Channels.newOutputStream(stdin)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    kill();
                }
            }
        };
    }

    /** Attaches to a created container and starts it; its launcher then waits for the host's first line. */
    static DockerContainer start(DockerClient client, String id, Duration timeout) throws IOException {
        Pipe pipe = Pipe.open();
        DockerContainer container = new DockerContainer(client, id, pipe.sink());
        try {
            client.attachContainerCmd(id)
                    .withStdIn(Channels.newInputStream(pipe.source()))
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .exec(container.attachment);
            if (!container.attachment.awaitStarted(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("could not attach to the sandbox container in time");
            }
            client.startContainerCmd(id).exec();
            return container;
        } catch (IOException | RuntimeException e) {
            container.remove();
            throw e instanceof IOException io ? io : new IOException("cannot start the sandbox container", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.remove();
            throw new IOException("interrupted while starting a sandbox container", e);
        }
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    @Override
    public void admit() {
        // The container was created inside its limits.
    }

    @Override
    public boolean isAlive() {
        return !attachment.ended;
    }

    @Override
    public void awaitExit() {
        try {
            if (attachment.awaitCompletion(GRACEFUL_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            LOG.warning("sandbox container did not end when asked; removing it");
            remove();
            if (!attachment.awaitCompletion(KILLED_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("sandbox container's stream did not end after removal");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            remove();
        } finally {
            stdout.discard();
            closeQuietly();
        }
    }

    @Override
    public String takeErrors() {
        synchronized (errors) {
            String text = errors.toString().strip();
            errors.setLength(0);
            return text;
        }
    }

    private void kill() {
        try {
            client.killContainerCmd(id).exec();
        } catch (NotFoundException | ConflictException e) {
            // Ended already.
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot kill sandbox container " + id, e);
        }
    }

    private void remove() {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // Gone already: it removes itself when it ends.
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove sandbox container " + id, e);
        }
    }

    private void closeQuietly() {
        try {
            attachment.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot close the attachment to " + id, e);
        }
    }

    /** Frames from the container: stdout goes to the agent's reader, stderr is kept for the log. */
    private final class Attachment extends ResultCallback.Adapter<Frame> {

        private volatile boolean ended;

        @Override
        public void onNext(Frame frame) {
            if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
                try {
                    stdout.add(frame.getPayload());
                } catch (InterruptedIOException e) {
                    LOG.log(Level.FINE, "stopped waiting for the sandbox's reader", e);
                }
            } else if (frame.getStreamType() == StreamType.STDERR) {
                synchronized (errors) {
                    if (errors.length() < MAX_ERROR_CHARS) {
                        errors.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            synchronized (errors) {
                errors.append("lost the container's stream: ").append(error.getMessage());
            }
            finish();
            // Ended all the same: waiting for the stream's end must not throw.
            super.onComplete();
        }

        @Override
        public void onComplete() {
            finish();
            super.onComplete();
        }

        private void finish() {
            ended = true;
            stdout.end();
        }
    }
}
