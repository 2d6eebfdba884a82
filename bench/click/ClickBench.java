import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a student waits for after clicking Run: the real editor page in headless Chromium, a hello-world main.py, and
 * the time from the click on Run to the "Program finished" line in the output, both taken with the page's
 * performance.now(). In the same loop, a bare cold /usr/bin/python3 (the interpreter the sandboxes use) runs the same
 * program, so the two figures share the machine's load.
 */
public final class ClickBench {

    private static final String WORKSPACE = "Click benchmark";
    private static final String PROGRAM = "print(\"Hello, world!\")\n";
    /**
     * Runs before the measured ones, not counted: a Pyroom that has just started compiles its hot paths while it serves
     * its first few hundred runs. Students meet a server in use, so the figure is taken after these; the warm-up's own
     * p50 is printed beside it.
     */
    private static final int WARM_UP = 200;
    private static final List<String> QUIET_FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    /**
     * Arms the measurement before a click: empties the output, notes performance.now() when the click on Run reaches
     * the document (capture phase, before the button's own handler), and settles once the run's closing line is in
     * the output.
     */
    private static final String ARM = """
            () => {
              const output = document.getElementById('output');
              output.textContent = '';
              window.clickBench = new Promise((resolve, reject) => {
                let clicked = null;
                document.addEventListener('click', event => {
                  if (event.target.closest("[id$=':run']")) {
                    clicked = performance.now();
                  }
                }, {capture: true, once: true});
                const observer = new MutationObserver(() => {
                  if (clicked !== null && output.querySelector('.end-line.end, .end-line.error')) {
                    const millis = performance.now() - clicked;
                    observer.disconnect();
                    resolve({millis: millis, text: output.textContent});
                  }
                });
                observer.observe(output, {childList: true, subtree: true, characterData: true});
                setTimeout(() => reject(new Error('no closing line 30 s after Run: ' + output.textContent)), 30000);
              });
            }
            """;

    public static void main(String[] args) throws Exception {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        int runs = Integer.parseInt(args[1]);
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser chromium = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Path.of("/usr/bin/chromium"))
                                .setArgs(QUIET_FLAGS))) {
            Page page = chromium.newContext().newPage();
            long workspaceId = signInWithWorkspace(page, base);
            page.navigate(base + "my/editor.xhtml?workspace=" + workspaceId + "&file=main.py");
            writeProgram(page);

            List<Double> warmUp = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                warmUp.add(clickRun(page));
            }
            List<Double> click = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                click.add(clickRun(page));
                bare.add(barePython());
            }
            report("warm-up: click Run, first runs", warmUp);
            report("click Run -> 'Program finished'", click);
            report("bare /usr/bin/python3 -c", bare);
            double clickP50 = percentile(click, 50);
            double bareP50 = percentile(bare, 50);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT click_p50_ms=%.1f bare_p50_ms=%.1f click_to_output_ratio=%.2f%n",
                    clickP50,
                    bareP50,
                    clickP50 / bareP50);
        }
    }

    /** Signs in on Keycloak's form and finds (or makes) the benchmark's workspace. */
    private static long signInWithWorkspace(Page page, String base) {
        page.navigate(base + "my/workspaces.xhtml");
        page.locator("#username").fill(System.getProperty("bench.user", "student"));
        page.locator("#password").fill(System.getProperty("bench.password", "student"));
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(base + "my/"));
        return findWorkspace(page, base).orElseGet(() -> {
            page.locator("input[id$=':newName']").fill(WORKSPACE);
            page.locator("button[id$=':create']").click();
            page.locator(".workspace-name").getByText(WORKSPACE).first().waitFor();
            return findWorkspace(page, base).orElseThrow();
        });
    }

    private static Optional<Long> findWorkspace(Page page, String base) {
        String list = page.request().get(base + "api/workspaces").text();
        Matcher workspace = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + WORKSPACE + "\"").matcher(list);
        return workspace.find() ? Optional.of(Long.parseLong(workspace.group(1))) : Optional.empty();
    }

    /** Types the program into the editor as if pasted, and waits until the server has stored it. */
    private static void writeProgram(Page page) {
        Locator editor = page.locator(".monaco-editor textarea");
        editor.waitFor();
        editor.focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().insertText(PROGRAM);
        page.waitForFunction("() => document.getElementById('save-state').textContent === 'Saved'"
                + " && window.monaco.editor.getModels().some(m => m.getValue() === " + quoted(PROGRAM) + ")");
    }

    private static double clickRun(Page page) {
        page.evaluate(ARM);
        page.locator("[id$=':run']").click();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) page.evaluate("() => window.clickBench");
        String text = (String) result.get("text");
        if (!text.contains("Hello, world!") || !text.contains("Program finished (exit code 0).")) {
            throw new IllegalStateException("the run did not end well: " + text);
        }
        return ((Number) result.get("millis")).doubleValue();
    }

    private static double barePython() throws Exception {
        long start = System.nanoTime();
        // The interpreter sandboxes run, not whatever python3 is first on PATH (a version manager's shim is slower).
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", PROGRAM)
                .redirectErrorStream(true)
                .start();
        String out = new String(python.getInputStream().readAllBytes());
        if (python.waitFor() != 0 || !out.contains("Hello, world!")) {
            throw new IllegalStateException("/usr/bin/python3 failed: " + out);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private static void report(String what, List<Double> millis) {
        System.out.printf(
                Locale.ROOT,
                "%-34s n=%d  p50=%7.1f ms  p95=%7.1f ms  min=%7.1f ms%n",
                what,
                millis.size(),
                percentile(millis, 50),
                percentile(millis, 95),
                Collections.min(millis));
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
