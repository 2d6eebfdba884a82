package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.Tier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Where bubblewrap is unavailable the workers run as plain processes and answer alike. */
class UnsandboxedLinterTest {

    @Test
    void bothTiersWorkWithoutBubblewrap() throws InterruptedException {
        LintSettings unsandboxed = new LintTestSettings().unsandboxed().settings();

        try (Linter linter = new Linter(unsandboxed, Executors.defaultThreadFactory())) {
            assertTrue(linter.awaitReady(Duration.ofSeconds(60)));
            for (Tier tier : Tier.values()) {
                List<String> found =
                        linter
                                .lint("a-student", tier, new LintRequest(1, "main.py", "print(scroe)\n"))
                                .diagnostics()
                                .stream()
                                .map(Diagnostic::symbol)
                                .toList();
                assertEquals(List.of("undefined-variable"), found, tier.name());
            }
        }
    }
}
