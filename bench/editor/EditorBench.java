import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The editor through the whole web stack, as a signed-in student: the editor page's first load (GET, server answer
 * complete) and a run's round trip over the run WebSocket (run sent, end received), side by side in one loop with a
 * bare cold /usr/bin/python3 -c 'print(1)', the interpreter the sandboxes use.
 */
public final class EditorBench {

    private static final String WORKSPACE = "Benchmark";
    private static final int WARM_UP = 5;
    private static final List<String> QUIET_FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

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
            BrowserContext student = chromium.newContext();
            long workspaceId = signInWithWorkspace(student.newPage(), base);
            String editor = base + "my/editor.xhtml?workspace=" + workspaceId;
            RunSocket socket = RunSocket.open(base, student.cookies());

            List<Double> page = new ArrayList<>();
            List<Double> run = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            for (int i = 0; i < runs + WARM_UP; i++) {
                double pageMs = pageLoad(student, editor);
                double runMs = socket.roundTrip(workspaceId);
                double bareMs = barePython();
                if (i >= WARM_UP) {
                    page.add(pageMs);
                    run.add(runMs);
                    bare.add(bareMs);
                }
            }
            socket.close();
            report("editor page GET (signed in)", page);
            report("run round trip over /ws/run", run);
            report("bare /usr/bin/python3 -c 'print(1)'", bare);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT page_p50_ms=%.1f run_roundtrip_p50_ms=%.1f bare_python_p50_ms=%.1f%n",
                    percentile(page, 50),
                    percentile(run, 50),
                    percentile(bare, 50));
        }
    }

    /** Signs in on Keycloak's form and finds (or makes) the benchmark's workspace; its main.py prints one line. */
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

    private static java.util.Optional<Long> findWorkspace(Page page, String base) {
        String list = page.request().get(base + "api/workspaces").text();
        Matcher workspace = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + WORKSPACE + "\"").matcher(list);
        return workspace.find() ? java.util.Optional.of(Long.parseLong(workspace.group(1))) : java.util.Optional.empty();
    }

    private static double pageLoad(BrowserContext student, String editor) {
        long start = System.nanoTime();
        APIResponse response = student.request().get(editor);
        String body = response.text();
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.status() != 200 || !body.contains("Pyroom.editor.attach")) {
            throw new IllegalStateException("the editor page did not load: HTTP " + response.status());
        }
        return millis;
    }

    private static double barePython() throws Exception {
        long start = System.nanoTime();
        // The interpreter sandboxes run, not whatever python3 is first on PATH (a version manager's shim starts slower).
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", "print(1)")
                .redirectErrorStream(true)
                .start();
        python.getInputStream().readAllBytes();
        if (python.waitFor() != 0) {
            throw new IllegalStateException("/usr/bin/python3 failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> millis) {
        System.out.printf(
                Locale.ROOT,
                "%-32s n=%d  p50=%7.1f ms  p95=%7.1f ms  min=%7.1f ms%n",
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

    /** The editor's run connection, signed in with the browser's session cookie. */
    private static final class RunSocket implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private volatile CompletableFuture<String> ended = new CompletableFuture<>();
        private WebSocket socket;

        static RunSocket open(String base, List<Cookie> cookies) {
            RunSocket listener = new RunSocket();
            String cookieHeader = cookies.stream()
                    .filter(cookie -> URI.create(base).getHost().equals(cookie.domain))
                    .map(cookie -> cookie.name + "=" + cookie.value)
                    .collect(Collectors.joining("; "));
            listener.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Cookie", cookieHeader)
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "ws/run"), listener)
                    .join();
            return listener;
        }

        double roundTrip(long workspaceId) throws Exception {
            ended = new CompletableFuture<>();
            long start = System.nanoTime();
            socket.sendText("{\"type\":\"run\",\"workspaceId\":" + workspaceId + ",\"entryFile\":\"main.py\"}", true)
                    .join();
            String end = ended.get(30, TimeUnit.SECONDS);
            double millis = (System.nanoTime() - start) / 1e6;
            if (!end.contains("exit code 0")) {
                throw new IllegalStateException("the run did not end well: " + end);
            }
            return millis;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.startsWith("{\"type\":\"end\"") || message.startsWith("{\"type\":\"error\"")) {
                    ended.complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
