package dev.pyroom.explain.control;

import dev.pyroom.sandbox.control.RunListener;
import dev.pyroom.sandbox.control.TextTail;
import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.StandardStream;

/** Passes a run's output on and keeps the end of its stderr, where a traceback ends up. */
public final class StderrTail implements RunListener {

    static final int KEPT_CHARACTERS = 8000;

    private final RunListener next;
    private final TextTail tail = new TextTail(KEPT_CHARACTERS);

    public StderrTail(RunListener next) {
        this.next = next;
    }

    @Override
    public void onOutput(OutputChunk chunk) {
        if (chunk.stream() == StandardStream.STDERR) {
            tail.append(chunk.text());
        }
        next.onOutput(chunk);
    }

    @Override
    public void onFigure(Figure figure) {
        next.onFigure(figure);
    }

    public String text() {
        return tail.text();
    }
}
