package dev.pyroom.sandbox.control;

import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.StandardStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Collects what a user would see of a run, and lets a test react to output as it comes. */
final class Transcript implements RunListener {

    private final List<OutputChunk> chunks = new CopyOnWriteArrayList<>();
    private final List<Figure> figures = new CopyOnWriteArrayList<>();
    private final StringBuffer stdoutAndFigures = new StringBuffer();
    private final Consumer<String> onStdout;

    Transcript() {
        this(text -> {});
    }

    /** @param onStdout called with all stdout so far, after every stdout chunk */
    Transcript(Consumer<String> onStdout) {
        this.onStdout = onStdout;
    }

    @Override
    public void onOutput(OutputChunk chunk) {
        chunks.add(chunk);
        if (chunk.stream() == StandardStream.STDOUT) {
            stdoutAndFigures.append(chunk.text());
            onStdout.accept(stdout());
        }
    }

    @Override
    public void onFigure(Figure figure) {
        figures.add(figure);
        stdoutAndFigures.append("[Figure ").append(figure.number()).append("]");
    }

    /** Stdout with a mark such as "[Figure 1]" where each figure came. */
    String stdoutAndFigures() {
        return stdoutAndFigures.toString();
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    String stdout() {
        return text(StandardStream.STDOUT);
    }

    String stderr() {
        return text(StandardStream.STDERR);
    }

    private String text(StandardStream stream) {
        StringBuilder text = new StringBuilder();
        chunks.stream().filter(chunk -> chunk.stream() == stream).forEach(chunk -> text.append(chunk.text()));
        return text.toString();
    }
}
