package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.TerminalSize;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The terminals open in one sandbox, by the id the agent knows them by. */
final class AgentTerminals {

    static final int MAX_OPEN = 4;

    /** Processes the sandbox may hold for its terminals, on top of a run's. */
    static final int PROCESSES = 32;

    private final Map<Integer, AgentTerminal> open = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AgentConnection connection;
    private final SandboxLimits limits;

    AgentTerminals(AgentConnection connection, SandboxLimits limits) {
        this.connection = connection;
        this.limits = limits;
    }

    /**
     * Has the agent start a shell. The terminal is known before the agent answers, so that no output is lost.
     *
     * @throws IllegalStateException when as many terminals are open as a sandbox allows
     */
    AgentTerminal open(TerminalSize size, TerminalListener listener, AgentRequests.Asking agent) {
        AgentTerminal terminal = add(listener);
        limits.terminalsOpen(true);
        try {
            agent.ask(AgentConnection.OPEN_TERMINAL, limits.terminalRequest(terminal, size));
            return terminal;
        } catch (RuntimeException e) {
            open.remove(terminal.id());
            limits.terminalsOpen(!open.isEmpty());
            throw e;
        }
    }

    /** Handles the frame if it is about a terminal; false if it is not. Each starts with the terminal's id. */
    boolean handle(AgentConnection.Frame frame) {
        byte[] payload = frame.payload();
        switch (frame.type()) {
            case AgentConnection.TERMINAL_OUTPUT -> {
                AgentTerminal terminal = open.get(id(payload));
                if (terminal != null) {
                    terminal.output(Arrays.copyOfRange(payload, Integer.BYTES, payload.length));
                }
            }
            case AgentConnection.TERMINAL_ENDED -> {
                AgentTerminal terminal = open.remove(id(payload));
                limits.terminalsOpen(!open.isEmpty());
                if (terminal != null) {
                    terminal.ended();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    void endAll() {
        for (AgentTerminal terminal : List.copyOf(open.values())) {
            open.remove(terminal.id());
            terminal.ended();
        }
    }

    private synchronized AgentTerminal add(TerminalListener listener) {
        if (open.size() >= MAX_OPEN) {
            throw new IllegalStateException("a sandbox has at most " + MAX_OPEN + " terminals open");
        }
        AgentTerminal terminal = new AgentTerminal(ids.incrementAndGet(), connection, listener);
        open.put(terminal.id(), terminal);
        return terminal;
    }

    private static int id(byte[] payload) {
        if (payload.length < Integer.BYTES) {
            throw new IllegalStateException("terminal frame from sandbox agent without an id");
        }
        return ByteBuffer.wrap(payload).getInt();
    }
}
