package dev.pyroom.bench;

import java.util.Map;
import java.util.TreeMap;

/** The sizes of one kind of response, by phase: how many, and their bytes in all. */
final class ResponseBytes {

    private final Map<String, long[]> byPhase = new TreeMap<>();

    synchronized void add(String phase, long bytes) {
        long[] tally = byPhase.computeIfAbsent(phase, p -> new long[2]);
        tally[0]++;
        tally[1] += bytes;
    }

    /** One line per phase: {@code LABEL phase count bytes}. */
    synchronized void print(String label) {
        byPhase.forEach((phase, tally) -> System.out.println(label + " " + phase + " " + tally[0] + " " + tally[1]));
    }
}
