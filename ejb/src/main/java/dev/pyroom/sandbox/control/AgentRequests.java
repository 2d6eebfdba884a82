package dev.pyroom.sandbox.control;

import dev.pyroom.workspace.control.FileChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests that wait for the agent's answer. The agent answers in the order it was asked, so answers are matched to
 * requests by a queue; a request whose caller stopped waiting keeps its place until its answer comes.
 */
final class AgentRequests {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** Sends a request to the agent and waits for its answer, behind whatever checks the sandbox makes first. */
    @FunctionalInterface
    interface Asking {
        Answer ask(byte type, byte[] payload);
    }

    /**
     * What the agent answered: the changes it reported first, if any, whether they are all it found, and the text of
     * its final frame.
     */
    record Answer(List<FileChange> changes, boolean complete, String text) {}

    private record Pending(List<FileChange> changes, CompletableFuture<Answer> answer) {}

    private final AgentConnection connection;
    private final Deque<Pending> pending = new ConcurrentLinkedDeque<>();
    private final Object sending = new Object();
    private boolean ended;

    AgentRequests(AgentConnection connection) {
        this.connection = connection;
    }

    Answer ask(byte type, byte[] payload) {
        Pending request = new Pending(new ArrayList<>(), new CompletableFuture<>());
        synchronized (sending) {
            if (ended) {
                throw new IllegalStateException("the sandbox has ended");
            }
            pending.add(request);
            try {
                connection.send(type, payload);
            } catch (IOException e) {
                pending.remove(request);
                throw new SandboxException("cannot reach the sandbox", e);
            }
        }
        try {
            return request.answer().get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SandboxException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SandboxException("the sandbox did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for the sandbox", e);
        }
    }

    /** Handles the frame if it answers a request; false if it does not. */
    boolean handle(AgentConnection.Frame frame) {
        byte[] payload = frame.payload();
        switch (frame.type()) {
            case AgentConnection.CHANGE -> oldest().changes().add(AgentFiles.change(payload));
            case AgentConnection.CHANGES_END -> answered(payload.length == 1 && payload[0] == '1', "");
            case AgentConnection.DONE -> answered(true, new String(payload, StandardCharsets.US_ASCII));
            case AgentConnection.FAILED ->
                takeOldest()
                        .answer()
                        .completeExceptionally(new SandboxException(new String(payload, StandardCharsets.UTF_8)));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Fails whatever still waits: the sandbox has ended. */
    void end() {
        synchronized (sending) {
            ended = true;
        }
        Pending request;
        while ((request = pending.poll()) != null) {
            request.answer().completeExceptionally(new SandboxException("the sandbox ended"));
        }
    }

    private void answered(boolean complete, String text) {
        Pending request = takeOldest();
        request.answer().complete(new Answer(List.copyOf(request.changes()), complete, text));
    }

    private Pending oldest() {
        Pending request = pending.peek();
        if (request == null) {
            throw new IllegalStateException("the sandbox agent answered a request nobody made");
        }
        return request;
    }

    private Pending takeOldest() {
        Pending request = oldest();
        pending.poll();
        return request;
    }
}
