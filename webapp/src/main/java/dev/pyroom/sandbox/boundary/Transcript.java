package dev.pyroom.sandbox.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import dev.pyroom.sandbox.entity.OutputChunk;
import dev.pyroom.sandbox.entity.StandardStream;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/** A run's output in the order it came, neighbouring chunks of the same stream joined. */
final class Transcript {

    private record Segment(StandardStream stream, StringBuilder text) {}

    private final List<Segment> segments = new ArrayList<>();

    synchronized void add(OutputChunk chunk) {
        if (segments.isEmpty() || segments.get(segments.size() - 1).stream() != chunk.stream()) {
            segments.add(new Segment(chunk.stream(), new StringBuilder()));
        }
        segments.get(segments.size() - 1).text().append(chunk.text());
    }

    synchronized JsonArray toJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Segment segment : segments) {
            array.add(JSON.createObjectBuilder()
                    .add("stream", segment.stream().name().toLowerCase())
                    .add("text", segment.text().toString()));
        }
        return array.build();
    }
}
