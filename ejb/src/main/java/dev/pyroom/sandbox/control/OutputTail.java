package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.OutputChunk;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Passes a run's output on and keeps its last few thousand characters, for the run's stored outcome. */
public final class OutputTail implements RunListener {

    static final int KEPT_CHARACTERS = 4000;
    private static final Pattern PYTHON_ERROR =
            Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_.]*(?:Error|Exception|Interrupt|Exit))(?::.*)?$");

    private final RunListener next;
    private final TextTail tail = new TextTail(KEPT_CHARACTERS);

    public OutputTail(RunListener next) {
        this.next = next;
    }

    @Override
    public void onOutput(OutputChunk chunk) {
        tail.append(chunk.text());
        next.onOutput(chunk);
    }

    @Override
    public void onFigure(Figure figure) {
        next.onFigure(figure);
    }

    public String text() {
        return tail.text();
    }

    /** The Python exception a traceback ended with ("NameError"), or null: the last such line names it. */
    public String errorName() {
        Matcher matcher = PYTHON_ERROR.matcher(text());
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last == null ? null : last.substring(last.lastIndexOf('.') + 1);
    }
}
