package dev.pyroom.grading.control;

import dev.pyroom.sandbox.control.RunListener;
import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.StandardStream;

/** What a run printed, each stream on its own; the run's output limit bounds both together. */
final class CapturedOutput implements RunListener {

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();

    @Override
    public synchronized void onOutput(OutputChunk chunk) {
        (chunk.stream() == StandardStream.STDOUT ? stdout : stderr).append(chunk.text());
    }

    synchronized String stdout() {
        return stdout.toString();
    }

    synchronized String stderr() {
        return stderr.toString();
    }
}
