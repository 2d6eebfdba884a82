package dev.pyroom;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** axe-core (vendored in the test resources) run on the page as a browser shows it. */
public final class Accessibility {

    private static final String AXE = "/vendor/axe-core-4.14.1/axe.min.js";
    private static final String SERIOUS_VIOLATIONS = """
            async () => {
              const results = await axe.run(document, {resultTypes: ['violations']});
              return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                     + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)).join(', '));
            }""";

    private Accessibility() {}

    /** Fails with every serious or critical violation axe finds on the page as it is now. */
    public static void assertNoSeriousViolations(Page page) {
        List<String> violations = seriousViolations(page);
        if (!violations.isEmpty()) {
            fail(String.join("\n", violations));
        }
    }

    /** Each serious or critical violation axe finds on the page as it is now, with the page's address. */
    public static List<String> seriousViolations(Page page) {
        page.evaluate(axeSource());
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(SERIOUS_VIOLATIONS);
        return violations.stream()
                .map(violation -> page.url() + ": " + violation)
                .toList();
    }

    private static String axeSource() {
        try (InputStream in = Accessibility.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n;true";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
