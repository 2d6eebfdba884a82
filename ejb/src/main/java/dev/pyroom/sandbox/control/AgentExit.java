package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The agent's account of how a run ended, before the host adds what only it knows: whether the OOM killer struck. */
record AgentExit(String reason, int code, Duration duration, boolean truncated) {

    private static final int SIGKILL = 9;
    private static final int SIGNAL_EXIT_BASE = 128;

    static AgentExit parse(byte[] payload) {
        String[] fields = new String(payload, StandardCharsets.US_ASCII).split(" ");
        if (fields.length != 4) {
            throw new IllegalArgumentException("malformed exit report from sandbox agent");
        }
        return new AgentExit(
                fields[0],
                Integer.parseInt(fields[1]),
                Duration.ofNanos(Long.parseLong(fields[2]) * 1000),
                "1".equals(fields[3]));
    }

    RunResult toResult(boolean oomKilled) {
        RunEnding ending = switch (reason) {
            case "exited" -> RunEnding.EXITED;
            case "signaled" -> code == SIGKILL && oomKilled ? RunEnding.OUT_OF_MEMORY : RunEnding.EXITED;
            case "timeout" -> RunEnding.TIMED_OUT;
            case "cpu" -> RunEnding.CPU_LIMIT;
            case "memory" -> RunEnding.OUT_OF_MEMORY;
            case "fsize" -> RunEnding.FILE_SIZE_LIMIT;
            case "output" -> RunEnding.OUTPUT_LIMIT;
            case "stopped" -> RunEnding.STOPPED;
            default -> throw new IllegalArgumentException("unknown run ending from sandbox agent: " + reason);
        };
        int exitCode = "signaled".equals(reason) ? SIGNAL_EXIT_BASE + code : code;
        return new RunResult(ending, exitCode, duration, truncated);
    }
}
