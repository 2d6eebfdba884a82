package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.lint.entity.Diagnostic;
import dev.pyroom.lint.entity.LintRequest;
import dev.pyroom.lint.entity.LintResult;
import dev.pyroom.lint.entity.Severity;
import dev.pyroom.lint.entity.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(SharedLinter.class)
class LinterTest {

    private static final String UNDEFINED_NAME = "score = 10\nif score > 5:\n    print(scroe)\n";

    @Test
    void fastTierFindsAnUndefinedNameWhereItIs(Linter linter) {
        Diagnostic found = only(linter.lint("a-student", Tier.FAST, request(UNDEFINED_NAME)));

        assertEquals("E0602", found.code());
        assertEquals("undefined-variable", found.symbol());
        assertEquals(Severity.ERROR, found.severity());
        assertEquals(List.of(3, 11, 3, 16), List.of(found.line(), found.column(), found.endLine(), found.endColumn()));
    }

    @Test
    void deepTierFindsAnUndefinedNameWhereItIs(Linter linter) {
        Diagnostic found = only(linter.lint("a-student", Tier.DEEP, request(UNDEFINED_NAME)));

        assertEquals("E0602", found.code());
        assertEquals("undefined-variable", found.symbol());
        assertEquals("Undefined variable 'scroe'", found.message());
        assertEquals(List.of(3, 11, 3, 16), List.of(found.line(), found.column(), found.endLine(), found.endColumn()));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void syntaxErrorIsReportedWhereTheCompilerStopped(Tier tier, Linter linter) {
        Diagnostic found = only(linter.lint("a-student", tier, request("age = 15\nif age > 12\n    print('teen')\n")));

        assertTrue(found.isSyntaxError());
        assertEquals("expected ':'", found.message());
        assertEquals(Severity.ERROR, found.severity());
        assertEquals(List.of(2, 12), List.of(found.line(), found.column()));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void cleanCodeHasNoDiagnostics(Tier tier, Linter linter) {
        String clean = "def greet(name):\n    return 'Hello ' + name\n\n\nprint(greet('Ada'))\n";

        assertEquals(List.of(), linter.lint("a-student", tier, request(clean)).diagnostics());
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void resultCarriesTheVersionItWasAskedFor(Tier tier, Linter linter) {
        LintResult result = linter.lint("a-student", tier, new LintRequest(41, "main.py", UNDEFINED_NAME));

        assertEquals(41, result.documentVersion());
        assertEquals(tier, result.tier());
        assertTrue(result.isCurrentFor(41));
        assertFalse(result.isCurrentFor(42));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void columnsCountLikeTheEditorAfterWideCharacters(Tier tier, Linter linter) {
        Diagnostic found = only(linter.lint("a-student", tier, request("print('\u00e9t\u00e9 \uD83D\uDE00', nme)\n")));

        assertEquals("undefined-variable", found.symbol());
        assertEquals(List.of(1, 17, 20), List.of(found.line(), found.column(), found.endColumn()));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void sourceIsAnalysedNeverRun(Tier tier, Linter linter, @TempDir Path directory) {
        Path marker = directory.resolve("ran");
        String hostile = "import os\nos.system('touch " + marker + "')\nopen('" + marker + "', 'w').close()\n";

        LintResult result = linter.lint("a-student", tier, request(hostile));

        assertTrue(result.diagnostics().stream().noneMatch(Diagnostic::isSyntaxError));
        assertFalse(Files.exists(marker));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void oversizedSourceIsRefusedAndTheTierKeepsWorking(Tier tier, Linter linter) {
        String twoMegabytes = "x = 1\n".repeat(350_000);

        LintException refused =
                assertThrows(LintException.class, () -> linter.lint("a-student", tier, request(twoMegabytes)));

        assertEquals(LintException.Reason.TOO_LARGE, refused.reason());
        assertEquals(
                List.of(), linter.lint("a-student", tier, request("x = 1\n")).diagnostics());
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void awkwardSourcesAreAnswered(Tier tier, Linter linter) {
        List<String> awkward = List.of(
                "x = 1" + " + 1".repeat(40_000) + "\n",
                "x = " + "[".repeat(150) + "]".repeat(150) + "\n",
                "print('a')\u0000\n",
                "text = '\uD800'\n",
                "");

        for (String source : awkward) {
            LintResult result = linter.lint("a-student", tier, request(source));
            assertTrue(result.diagnostics().stream().allMatch(found -> found.line() >= 1), source);
        }
    }

    @Test
    void deepTierUsesTheBeginnerConfiguration(Linter linter) {
        String script = "x = 5\n\n\ndef f(a):\n    return a\n";

        assertEquals(
                List.of(), linter.lint("a-student", Tier.DEEP, request(script)).diagnostics());
    }

    @Test
    void concurrentRequestsAllGetTheirOwnAnswers(Linter linter) {
        List<CompletableFuture<LintResult>> pending = IntStream.range(0, 8)
                .mapToObj(version -> CompletableFuture.supplyAsync(() -> linter.lint(
                        "student-" + version,
                        Tier.DEEP,
                        new LintRequest(version, "main.py", "print(name_" + version + ")\n"))))
                .toList();

        for (int version = 0; version < pending.size(); version++) {
            LintResult result = pending.get(version).join();
            assertEquals(version, result.documentVersion());
            assertEquals(
                    "Undefined variable 'name_" + version + "'", only(result).message());
        }
    }

    private static LintRequest request(String source) {
        return new LintRequest(1, "main.py", source);
    }

    private static Diagnostic only(LintResult result) {
        assertEquals(1, result.diagnostics().size(), () -> "expected one diagnostic: " + result.diagnostics());
        return result.diagnostics().get(0);
    }
}
