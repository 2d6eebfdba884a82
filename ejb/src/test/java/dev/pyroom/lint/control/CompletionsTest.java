package dev.pyroom.lint.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.lint.entity.CompletionRequest;
import dev.pyroom.lint.entity.CompletionRequest.Wanted;
import dev.pyroom.lint.entity.CompletionResult;
import dev.pyroom.lint.entity.CompletionResult.Signature;
import dev.pyroom.lint.entity.CompletionResult.Suggestion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Completion through the real sandboxed fast workers: names of the standard library and of the student's own
 * workspace files, signatures, documentation, and that one student's files never show in another's completions.
 */
@ExtendWith(SharedLinter.class)
class CompletionsTest {

    @Test
    void attributesOfAStandardModuleComplete(Linter linter) {
        assertTrue(labels(complete(linter, "a-student", "import math\nmath.sq", 2, 8, Map.of()))
                .contains("sqrt"));
    }

    @Test
    void namesOfAnotherFileOfTheWorkspaceCompleteAfterFromImport(Linter linter) {
        Map<String, String> files = Map.of("helper.py", "def greet(name):\n    return 'hi ' + name\n");

        List<String> found = labels(complete(linter, "a-student", "from helper import ", 1, 20, files));

        assertTrue(found.contains("greet"), found::toString);
    }

    @Test
    void modulesOfTheWorkspaceAndTheirPackagesComplete(Linter linter) {
        Map<String, String> files = Map.of(
                "shapes/__init__.py", "", "shapes/circle.py", "def area(radius):\n    return 3.14 * radius ** 2\n");

        assertTrue(labels(complete(linter, "a-student", "import sha", 1, 11, files))
                .contains("shapes"));
        assertTrue(labels(complete(linter, "a-student", "from shapes.circle import ", 1, 27, files))
                .contains("area"));
    }

    @Test
    void aFileImportsFromItsOwnFolder(Linter linter) {
        Map<String, String> files = Map.of("game/dice.py", "def roll():\n    return 4\n");
        CompletionRequest request = new CompletionRequest(
                1, "game/main.py", "import dice\ndice.ro", 2, 8, files, Set.of(Wanted.COMPLETIONS));

        assertTrue(labels(new Completions(linter).complete("a-student", "1:game/main.py", request))
                .contains("roll"));
    }

    @Test
    void signatureHelpForPrintNamesItsParameters(Linter linter) {
        CompletionResult result = complete(linter, "a-student", "print(", 1, 7, Map.of(), Wanted.SIGNATURES);

        Signature print = result.signatures().get(0);
        assertTrue(print.label().startsWith("print("), print::label);
        assertTrue(print.parameters().stream().anyMatch(parameter -> parameter.startsWith("sep")));
        assertEquals(0, print.activeParameter());
        assertTrue(result.suggestions().isEmpty());
    }

    @Test
    void hoverDocumentsLen(Linter linter) {
        CompletionResult.Hover hover = complete(linter, "a-student", "len([1, 2])\n", 1, 2, Map.of(), Wanted.HOVER)
                .hover()
                .orElseThrow();

        assertEquals("builtins.len", hover.title());
        assertTrue(hover.documentation().contains("Return the number of items in a container"));
    }

    /** Columns count as the editor counts them, in UTF-16 units: an emoji before the name takes two. */
    @Test
    void columnsCountInUtf16Units(Linter linter) {
        assertTrue(labels(complete(linter, "a-student", "import math\nx = '😀'; math.sq", 2, 18, Map.of()))
                .contains("sqrt"));
    }

    /** Half-typed code Jedi cannot make sense of gives no suggestions, not a failure. */
    @Test
    void nonsenseGivesAnAnswer(Linter linter) {
        CompletionResult result = complete(linter, "a-student", "def (((:\n  ]]] lambda", 2, 12, Map.of());

        assertFalse(
                result.suggestions().stream().anyMatch(found -> found.label().isEmpty()));
    }

    /**
     * Two students, each with a {@code helper.py} of their own, completing in the same worker, in turns: each sees
     * only their own names; and a student who sends no helper any more sees none of it.
     */
    @Test
    void sameNamedModulesOfTwoStudentsStayTheirOwn(Linter linter) {
        Map<String, String> ofA = Map.of("helper.py", "def secret_of_a():\n    pass\n");
        Map<String, String> ofB = Map.of("helper.py", "def secret_of_b():\n    pass\n");
        String source = "from helper import ";

        for (int turn = 0; turn < 2; turn++) {
            List<String> forA = labels(complete(linter, "student-a", source, 1, 20, ofA));
            List<String> forB = labels(complete(linter, "student-b", source, 1, 20, ofB));

            assertTrue(forA.contains("secret_of_a") && !forA.contains("secret_of_b"), forA::toString);
            assertTrue(forB.contains("secret_of_b") && !forB.contains("secret_of_a"), forB::toString);
        }
        List<String> withoutFiles = labels(complete(linter, "student-b", source, 1, 20, Map.of()));
        assertFalse(
                withoutFiles.contains("secret_of_a") || withoutFiles.contains("secret_of_b"), withoutFiles::toString);
    }

    /**
     * A student's module shadowing the standard library ({@code random.py}), with code that would tamper with the
     * engine if it ran: it is read, never run, and changes only its own student's completions.
     */
    @Test
    void standardLibraryShadowOfOneStudentIsNotAnothers(Linter linter) {
        Map<String, String> shadow = Map.of(
                "random.py",
                "import jedi\njedi.Script = None\nopen('/tmp/a-was-here', 'w').write('A')\n"
                        + "def randint_of_a():\n    pass\n");
        String source = "import random\nrandom.ran";

        List<String> forA = labels(complete(linter, "student-a", source, 2, 11, shadow));
        List<String> forB = labels(complete(linter, "student-b", source, 2, 11, Map.of()));

        assertTrue(forA.contains("randint_of_a"), forA::toString);
        assertTrue(forB.contains("randint") && !forB.contains("randint_of_a"), forB::toString);
    }

    /**
     * Sources made to exhaust the engine (a nesting bomb, a 3000-deep attribute chain, a huge literal) end at worst the
     * attacker's own checker: another student's answer afterwards is the same as before.
     */
    @Test
    void hostileSourcesLeaveOtherStudentsAnswersAlone(Linter linter) {
        String victim = "import random\nrandom.ran";
        CompletionResult before = complete(linter, "student-b", victim, 2, 11, Map.of());
        List<String> attacks = List.of(
                "x = " + "(".repeat(5000) + ")".repeat(5000) + "\nx.",
                "x = 1\nx" + ".real".repeat(3000) + ".",
                "x = '" + "A".repeat(150_000) + "'\nx.up");

        for (String attack : attacks) {
            int line = (int) attack.lines().count();
            int column =
                    attack.lines().reduce((first, last) -> last).orElseThrow().length() + 1;
            try {
                complete(linter, "student-a", attack, line, column, Map.of("helper.py", attack));
            } catch (LintException e) {
                assertTrue(e.reason() != LintException.Reason.WORKER_FAILED, e::getMessage);
            }
            assertEquals(before, complete(linter, "student-b", victim, 2, 11, Map.of()));
        }
    }

    private static CompletionResult complete(
            Linter linter,
            String student,
            String source,
            int line,
            int column,
            Map<String, String> files,
            Wanted... wanted) {
        CompletionRequest request = new CompletionRequest(
                1, "main.py", source, line, column, files, wanted.length == 0 ? Set.of() : Set.of(wanted));
        return new Completions(linter).complete(student, "1:main.py", request);
    }

    private static List<String> labels(CompletionResult result) {
        return result.suggestions().stream().map(Suggestion::label).toList();
    }
}
