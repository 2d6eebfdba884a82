package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.RunLimits;
import dev.pyroom.sandbox.entity.RunRequest;
import dev.pyroom.sandbox.entity.RunResult;
import dev.pyroom.sandbox.entity.StandardStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A run as the host sees it: requests go to the agent, output and the ending come back on the agent's thread. */
final class AgentRun implements Run {

    private static final Logger LOG = Logger.getLogger(AgentRun.class.getName());
    private static final int MAX_INPUT_FRAME = 64 * 1024;

    /**
     * Where the address-space rlimit stands in for a memory cgroup, it also counts address space reserved and never
     * used: numpy's BLAS reserves a 128 MiB buffer at its first call, which with pandas and matplotlib imported takes a
     * program of 140 MiB in use to 350 MiB of address space. Used memory stays bounded, by limit plus allowance.
     */
    static final long ADDRESS_SPACE_ALLOWANCE = 256L * 1024 * 1024;

    private final AgentConnection connection;
    private final RunListener listener;
    private final CgroupSlot cgroup;
    private final long oomKillsBefore;
    private final long startedNanos = System.nanoTime();
    private final Map<StandardStream, OutputDecoder> decoders = new EnumMap<>(StandardStream.class);
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private int figures;

    AgentRun(AgentConnection connection, RunListener listener, CgroupSlot cgroup) {
        this.connection = connection;
        this.listener = listener;
        this.cgroup = cgroup;
        this.oomKillsBefore = cgroup.oomKills();
        for (StandardStream stream : StandardStream.values()) {
            decoders.put(stream, new OutputDecoder());
        }
    }

    /**
     * The agent's run request: limits first, then the file and its arguments, separated by NUL. A limit of 0 leaves
     * the rlimit unset, for the cgroup to bound.
     */
    static byte[] encode(RunRequest request, boolean limitAddressSpace, boolean limitProcessCount) {
        List<String> fields = limitFields(request.limits(), limitAddressSpace, limitProcessCount);
        fields.add(request.entryFile());
        fields.addAll(request.arguments());
        return String.join("\0", fields).getBytes(StandardCharsets.UTF_8);
    }

    /** The agent's grader request: the limits alone, as in {@link #encode}. */
    static byte[] encodeGrader(RunLimits limits, boolean limitAddressSpace, boolean limitProcessCount) {
        return String.join("\0", limitFields(limits, limitAddressSpace, limitProcessCount))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> limitFields(RunLimits limits, boolean limitAddressSpace, boolean limitProcessCount) {
        return new ArrayList<>(List.of(
                Long.toString(limits.wallTime().toMillis()),
                Long.toString(limits.cpuSeconds()),
                Long.toString(limitAddressSpace ? addressSpace(limits.memoryBytes()) : 0),
                Integer.toString(limitProcessCount ? limits.processes() : 0),
                Long.toString(limits.outputBytes()),
                Long.toString(limits.fileSizeBytes())));
    }

    /** The address-space rlimit that stands in for a memory limit. */
    static long addressSpace(long memoryBytes) {
        return memoryBytes + ADDRESS_SPACE_ALLOWANCE;
    }

    @Override
    public void sendInput(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < input.length; from += MAX_INPUT_FRAME) {
            sendWhileRunning(
                    AgentConnection.INPUT,
                    Arrays.copyOfRange(input, from, Math.min(input.length, from + MAX_INPUT_FRAME)));
        }
    }

    @Override
    public void closeInput() {
        sendWhileRunning(AgentConnection.CLOSE_INPUT, new byte[0]);
    }

    @Override
    public void stop() {
        try {
            sendWhileRunning(AgentConnection.STOP, new byte[0]);
        } catch (SandboxException e) {
            LOG.log(Level.WARNING, "a stop request could not reach the sandbox", e);
        }
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return result.copy();
    }

    void output(StandardStream stream, byte[] bytes) {
        deliver(stream, decoders.get(stream).decode(bytes));
    }

    /** A figure's frame: shown when it holds a PNG, else the program's stderr says it was not. */
    void figure(byte[] bytes) {
        int number = ++figures;
        if (!Figure.isPng(bytes)) {
            deliver(StandardStream.STDERR, "Figure " + number + " is not shown: it is not a PNG image.\n");
            return;
        }
        try {
            listener.onFigure(new Figure(number, bytes));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "run listener failed", e);
        }
    }

    void exited(AgentExit exit) {
        finishOutput();
        result.complete(exit.toResult(cgroup.oomKills() > oomKillsBefore));
    }

    void abandoned(boolean stoppedByOwner) {
        finishOutput();
        Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
        result.complete(stoppedByOwner ? RunResult.stopped(duration) : RunResult.sandboxFailed(duration));
    }

    private void sendWhileRunning(byte type, byte[] payload) {
        if (result.isDone()) {
            return;
        }
        try {
            connection.send(type, payload);
        } catch (IOException e) {
            LOG.log(Level.FINE, "sandbox agent gone; request dropped", e);
        }
    }

    private void finishOutput() {
        decoders.forEach((stream, decoder) -> deliver(stream, decoder.finish()));
    }

    private void deliver(StandardStream stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            listener.onOutput(new OutputChunk(stream, text));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "run listener failed", e);
        }
    }
}
