import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Signed-in students working in the editor through the load balancer while the operator cuts over, rolls back or
 * loses a node: page loads, the editor's Faces AJAX saves (with the page's real view state), lint requests and
 * WebSocket runs. Each student signs in once through Keycloak's login form and keeps their cookies and their open
 * page, as a browser would.
 *
 * <p>usage: java MixedLoad.java BASE_URL CONTROL_DIR STUDENTS USER:PASSWORD...
 *
 * <p>BASE_URL is https: the students trust what the JVM's trust store holds ({@code -Djavax.net.ssl.trustStore}, the
 * load balancer's certificate), and run over wss.
 *
 * <p>CONTROL_DIR/phase names the phase that requests count towards; the driver stops when CONTROL_DIR/stop exists.
 * Whenever the phase changes, every student reads its file back through the app and checks that its last
 * acknowledged save is there. Prints one {@code PHASE} line per phase, then {@code DONE}.
 *
 * <p>{@code -Dverify.cookie=NAME=VALUE} gives every student that cookie for BASE_URL's host from the start, as the
 * pipeline does with {@code pyroom-preview=idle} to work on the idle colour before the switch.
 */
public class MixedLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java MixedLoad.java BASE_URL CONTROL_DIR STUDENTS USER:PASSWORD...");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        Path control = Path.of(args[1]);
        int students = Integer.parseInt(args[2]);
        Tally tally = new Tally();
        CountDownLatch ready = new CountDownLatch(students);
        AtomicInteger signedIn = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < students; i++) {
            String[] account = args[3 + i % (args.length - 3)].split(":", 2);
            Student student = new Student(base, control, tally, account[0], account[1], "verify " + run + " " + i, () -> {
                signedIn.incrementAndGet();
                ready.countDown();
            }, ready::countDown);
            Thread thread = new Thread(student::work, "student-" + i);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        System.out.println("READY students=" + students + " signed_in=" + signedIn.get());
        System.out.flush();
        for (Thread thread : threads) {
            thread.join();
        }
        tally.print();
        System.out.println("DONE");
    }
}

/** Counts per phase; every outcome is counted under the phase current when it was observed. */
class Tally {
    private final Map<String, Map<String, AtomicLong>> phases = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    void add(String phase, String what) {
        add(phase, what, 1);
    }

    synchronized void add(String phase, String what, long n) {
        if (!phases.containsKey(phase)) {
            order.add(phase);
        }
        phases.computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(what, w -> new AtomicLong())
                .addAndGet(n);
    }

    synchronized void print() {
        for (String phase : order) {
            Map<String, AtomicLong> counts = phases.get(phase);
            String line = List.of(
                            "requests",
                            "failed",
                            "relogins",
                            "lost_saves",
                            "saves",
                            "lints",
                            "runs",
                            "pages",
                            "runs_interrupted")
                    .stream()
                    .map(key -> key + "=" + counts.getOrDefault(key, new AtomicLong()).get())
                    .collect(Collectors.joining(" "));
            System.out.println("PHASE " + phase + " " + line);
        }
    }

    static void log(String message) {
        System.err.println(java.time.LocalTime.now().withNano(0) + " " + Thread.currentThread().getName() + ": "
                + message);
    }
}

/** Cookies by host, as a browser keeps them; Keycloak's Secure cookies are kept on plain http too (loopback). */
class CookieJar {
    private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

    void take(URI uri, HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).strip();
            String value = parts[0].substring(eq + 1).strip();
            boolean expired = value.isEmpty();
            for (String attribute : parts) {
                String a = attribute.strip().toLowerCase();
                if (a.equals("max-age=0") || a.startsWith("expires=thu, 01 jan 1970") || a.startsWith("expires=thu, 01-jan-1970")) {
                    expired = true;
                }
            }
            Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(), h -> new LinkedHashMap<>());
            synchronized (jar) {
                if (expired) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
        }
    }

    /** Sets a cookie ({@code NAME=VALUE}) for the URI's host, as if the host had sent it. */
    void put(URI uri, String cookie) {
        int eq = cookie.indexOf('=');
        Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(), h -> new LinkedHashMap<>());
        synchronized (jar) {
            jar.put(cookie.substring(0, eq), cookie.substring(eq + 1));
        }
    }

    Optional<String> header(URI uri) {
        Map<String, String> jar = byHost.get(uri.getHost());
        if (jar == null) {
            return Optional.empty();
        }
        synchronized (jar) {
            return jar.isEmpty()
                    ? Optional.empty()
                    : Optional.of(jar.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
    }
}

/** A request that did not do what the user wanted; {@code relogin} when it landed on the sign-in form. */
class Failure extends Exception {
    final boolean relogin;

    Failure(String message, boolean relogin) {
        super(message);
        this.relogin = relogin;
    }
}

/** One simulated student with a browser: cookies, one open editor page, a workspace of their own. */
class Student {
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern VIEW_STATE_UPDATE =
            Pattern.compile("<update id=\"[^\"]*jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[(.*?)\\]\\]>");
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern TEXTAREA =
            Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w:-]*)=\"([^\"]*)\"");
    private static final Pattern SAVE_COMMAND =
            Pattern.compile("pyroomSave = function\\(\\) \\{return PrimeFaces\\.ab\\(\\{s:\"([^\"]+)\",f:\"([^\"]+)\",p:\"([^\"]+)\"");

    private final URI base;
    private final Path control;
    private final Tally tally;
    private final String username;
    private final String password;
    private final String workspaceName;
    private final CookieJar cookies = new CookieJar();
    // HTTP/1.1, the only protocol HAProxy offers: WebSockets (wss) upgrade an HTTP/1.1 connection.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private long workspaceId;
    private Map<String, String> editorForm;
    private String[] saveCommand;
    private String lastAcked;
    private final List<String> unacked = new ArrayList<>();
    private int saveNumber;
    private String phase = "setup";

    private final Runnable onReady;
    private final Runnable onSetupFailed;

    Student(
            URI base,
            Path control,
            Tally tally,
            String username,
            String password,
            String workspaceName,
            Runnable onReady,
            Runnable onSetupFailed) {
        this.onReady = onReady;
        this.onSetupFailed = onSetupFailed;
        this.base = base;
        this.control = control;
        this.tally = tally;
        this.username = username;
        this.password = password;
        this.workspaceName = workspaceName;
        String presetCookie = System.getProperty("verify.cookie", "");
        if (!presetCookie.isEmpty()) {
            cookies.put(base, presetCookie);
        }
    }

    void work() {
        try {
            signIn();
            createWorkspace();
            openEditor();
        } catch (Exception e) {
            Tally.log("setup failed: " + e);
            tally.add("setup", "failed");
            onSetupFailed.run();
            return;
        }
        onReady.run();
        for (int turn = 0; !Files.exists(control.resolve("stop")); turn++) {
            String now = currentPhase();
            if (!now.equals(phase)) {
                checkSaves(phase);
                phase = now;
            }
            try {
                switch (turn % 6) {
                    case 0, 3 -> save();
                    case 1, 4 -> lint();
                    case 2 -> run();
                    default -> {
                        if (turn % 12 == 5) {
                            openEditor();
                        } else {
                            page("/my/workspaces.xhtml");
                        }
                    }
                }
            } catch (Failure f) {
                tally.add(phase, "failed");
                if (f.relogin) {
                    tally.add(phase, "relogins");
                }
                Tally.log("[" + phase + "] " + f.getMessage());
                recover();
            } catch (Exception e) {
                tally.add(phase, "failed");
                Tally.log("[" + phase + "] " + e);
                recover();
            }
            pause(150);
        }
        checkSaves(phase);
    }

    /** What a user does after a failure: sign in again if sent to the form, reload the page. */
    private void recover() {
        try {
            openEditor();
        } catch (Failure f) {
            if (f.relogin) {
                try {
                    signIn();
                    openEditor();
                } catch (Exception e) {
                    Tally.log("could not recover: " + e);
                }
            }
        } catch (Exception e) {
            Tally.log("could not recover: " + e);
        }
    }

    private String currentPhase() {
        try {
            return Files.readString(control.resolve("phase")).strip();
        } catch (IOException e) {
            return "idle";
        }
    }

    // ---- sign-in and setup

    /** One sign-in at a time: Keycloak refuses some of several simultaneous sign-ins to one account. */
    private static final Object SIGN_IN = new Object();

    private void signIn() throws Exception {
        synchronized (SIGN_IN) {
            signInThroughForm();
        }
    }

    private void signInThroughForm() throws Exception {
        HttpResponse<String> response = get(base.resolve("/my/workspaces.xhtml"));
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = get(URI.create(response.headers().firstValue("location").orElseThrow()));
        }
        Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(response.body());
        if (!form.find()) {
            throw new IllegalStateException("no Keycloak login form (HTTP " + response.statusCode() + ")");
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        response = send(HttpRequest.newBuilder(action)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        encode(Map.of("username", username, "password", password, "credentialId", "")))),
                action);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = get(resolve(response));
        }
        if (response.statusCode() != 200 || !response.body().contains("My workspaces")) {
            Matcher problem = Pattern.compile("(?s)id=\"input-error[^>]*>\\s*([^<]+)|kc-feedback-text\">\\s*([^<]+)")
                    .matcher(response.body());
            throw new IllegalStateException("sign-in did not reach the workspaces (HTTP " + response.statusCode() + " "
                    + response.uri().getPath() + (problem.find() ? ": " + problem.group() : "") + ")");
        }
    }

    private void createWorkspace() throws Exception {
        HttpResponse<String> page = expectPage(get(base.resolve("/my/workspaces.xhtml")));
        Map<String, String> form = formInputs(page.body(), "workspaces");
        form.put("workspaces:newName", workspaceName);
        ajax("/my/workspaces.xhtml", form, "workspaces:create", "workspaces:create workspaces:newName", "workspaces");
        String list = expectPage(get(base.resolve("/api/workspaces"))).body();
        Matcher id = Pattern.compile("\"id\":(\\d+),\"name\":\"" + Pattern.quote(workspaceName) + "\"").matcher(list);
        if (!id.find()) {
            throw new IllegalStateException("the new workspace is not listed: " + list);
        }
        workspaceId = Long.parseLong(id.group(1));
    }

    private void openEditor() throws Exception {
        HttpResponse<String> page =
                expectPage(get(base.resolve("/my/editor.xhtml?workspace=" + workspaceId + "&file=main.py")));
        tally.add(phase, "pages");
        Matcher command = SAVE_COMMAND.matcher(page.body());
        if (!command.find()) {
            throw new Failure("the editor page has no save command", false);
        }
        // The page's script sends the ids to process separated by spaces.
        saveCommand = new String[] {command.group(1), command.group(2), command.group(3).replace(',', ' ')};
        editorForm = formInputs(page.body(), command.group(2));
    }

    // ---- what a student does

    private void page(String path) throws Exception {
        expectPage(get(base.resolve(path)));
        tally.add(phase, "pages");
    }

    private void save() throws Exception {
        String content = "print('" + workspaceName + " save " + (++saveNumber) + "')\n";
        Map<String, String> form = new LinkedHashMap<>(editorForm);
        form.put(codeField(), content);
        unacked.add(content);
        String answer = ajax("/my/editor.xhtml", form, saveCommand[0], saveCommand[2], saveCommand[1] + ":messages");
        if (answer.contains("validationFailed&#34;:true") || answer.contains("\"validationFailed\":true")
                || answer.contains("ui-messages-error")) {
            throw new Failure("save refused: " + answer, false);
        }
        lastAcked = content;
        unacked.clear();
        tally.add(phase, "saves");
    }

    private void lint() throws Exception {
        String source = "import os\nprint(undefined_name)\n";
        URI uri = base.resolve("/api/lint");
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(uri)
                        .header("content-type", "application/json")
                        // Its workspace and file, as the editor sends them: students sharing an account check
                        // different documents, which never replace each other's requests.
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tier\":\"fast\",\"version\":" + saveNumber
                                + ",\"workspaceId\":" + workspaceId + ",\"path\":\"main.py\""
                                + ",\"filename\":\"main.py\",\"source\":\"" + source.replace("\n", "\\n") + "\"}")),
                uri);
        checkNotSignInForm(response);
        if (response.statusCode() != 200 || !response.body().contains("undefined_name")) {
            throw new Failure("lint: HTTP " + response.statusCode() + " " + abbreviate(response.body()), false);
        }
        tally.add(phase, "lints");
    }

    private void run() throws Exception {
        String expected = lastAcked == null ? null : lastAcked.substring(7, lastAcked.length() - 3);
        String url = base.toString().replaceFirst("^http", "ws") + "/ws/run";
        StringBuilder received = new StringBuilder();
        CompletableFuture<String> end = new CompletableFuture<>();
        tally.add(phase, "requests");
        WebSocket socket;
        try {
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            cookies.header(URI.create(url.replaceFirst("^ws", "http"))).ifPresent(c -> builder.header("Cookie", c));
            socket = builder.buildAsync(URI.create(url), new WebSocket.Listener() {
                        private final StringBuilder frame = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            frame.append(data);
                            if (last) {
                                String message = frame.toString();
                                frame.setLength(0);
                                received.append(message).append('\n');
                                if (message.contains("\"type\":\"end\"") || message.contains("\"type\":\"error\"")) {
                                    end.complete(message);
                                }
                            }
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                            end.completeExceptionally(new IOException("closed " + status + " " + reason));
                            return null;
                        }

                        @Override
                        public void onError(WebSocket ws, Throwable error) {
                            end.completeExceptionally(error);
                        }
                    })
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new Failure("run: WebSocket handshake failed: " + e, false);
        }
        socket.sendText("{\"type\":\"run\",\"workspaceId\":" + workspaceId + ",\"entryFile\":\"main.py\"}", true);
        String last;
        try {
            last = end.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // The server went away mid-run: the editor reports the run as interrupted; the user runs it again.
            tally.add(phase, "runs_interrupted");
            Tally.log("[" + phase + "] run interrupted: " + e.getCause());
            return;
        } finally {
            socket.abort();
        }
        if (!last.contains("exit code 0") || (expected != null && !received.toString().contains(expected + "\\n"))) {
            throw new Failure("run: expected " + expected + ", got " + abbreviate(received.toString()), false);
        }
        tally.add(phase, "runs");
    }

    /** Reads the workspace back through the app: the last acknowledged save must be there. */
    private void checkSaves(String phaseEnded) {
        if (lastAcked == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                String stored = mainPy();
                if (!stored.equals(lastAcked) && !unacked.contains(stored)) {
                    tally.add(phaseEnded, "lost_saves");
                    Tally.log("[" + phaseEnded + "] lost save: expected " + lastAcked.strip() + ", found "
                            + stored.strip());
                }
                return;
            } catch (Exception e) {
                if (attempt == 3) {
                    tally.add(phaseEnded, "lost_saves");
                    Tally.log("[" + phaseEnded + "] could not read the workspace back: " + e);
                    return;
                }
                pause(1000);
            }
        }
    }

    private String mainPy() throws Exception {
        URI uri = base.resolve("/api/workspaces/" + workspaceId + "/download");
        HttpResponse<InputStream> response = http.send(
                withCookies(HttpRequest.newBuilder(uri), uri).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        cookies.take(uri, response);
        if (response.statusCode() != 200) {
            throw new IOException("download: HTTP " + response.statusCode());
        }
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith("main.py")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("main.py is not in the download");
    }

    // ---- HTTP as a browser does it

    private String ajax(String path, Map<String, String> form, String source, String execute, String render)
            throws Exception {
        Map<String, String> body = new LinkedHashMap<>(form);
        body.put("jakarta.faces.partial.ajax", "true");
        body.put("jakarta.faces.source", source);
        body.put("jakarta.faces.partial.execute", execute);
        body.put("jakarta.faces.partial.render", render);
        body.put(source, source);
        URI uri = base.resolve(path);
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(uri)
                        .header("content-type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("Faces-Request", "partial/ajax")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(body))),
                uri);
        checkNotSignInForm(response);
        String answer = response.body();
        if (response.statusCode() != 200 || !answer.contains("<partial-response") || answer.contains("<error>")
                || answer.contains("<redirect")) {
            throw new Failure("AJAX " + path + ": HTTP " + response.statusCode() + " " + abbreviate(answer), false);
        }
        // As the page's script does: the answer carries the view state for the page's next request.
        Matcher state = VIEW_STATE_UPDATE.matcher(answer);
        if (state.find() && editorForm != null && path.equals("/my/editor.xhtml")) {
            editorForm.put("jakarta.faces.ViewState", state.group(1));
        }
        tally.add(phase, "ajax");
        return answer;
    }

    private String codeField() {
        return editorForm.keySet().stream()
                .filter(name -> name.endsWith(":code_input"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no code field in " + editorForm.keySet()));
    }

    private HttpResponse<String> expectPage(HttpResponse<String> response) throws Failure {
        checkNotSignInForm(response);
        if (response.statusCode() != 200) {
            throw new Failure("GET " + response.uri().getPath() + ": HTTP " + response.statusCode(), false);
        }
        return response;
    }

    private void checkNotSignInForm(HttpResponse<String> response) throws Failure {
        Optional<String> location = response.headers().firstValue("location");
        boolean toProvider = location.isPresent() && !URI.create(location.get()).getHost().equals(base.getHost());
        if (toProvider || response.body().contains("kc-form-login") || response.body().contains("openid-connect/auth")) {
            throw new Failure(response.request().method() + " " + response.uri().getPath() + " sent to sign in", true);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri) throws Exception {
        tally.add(phase, "requests");
        HttpResponse<String> response = http.send(
                withCookies(request, uri).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        cookies.take(uri, response);
        return response;
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request, URI uri) {
        cookies.header(uri).ifPresent(c -> request.header("Cookie", c));
        return request;
    }

    private URI resolve(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("location").orElseThrow());
    }

    private static Map<String, String> formInputs(String html, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        int end = html.indexOf("</form>", start);
        String form = start < 0 ? "" : html.substring(start, end < 0 ? html.length() : end);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put(formId, formId);
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            String type = attributes.getOrDefault("type", "text");
            if (attributes.containsKey("name") && !type.equals("submit") && !type.equals("button")) {
                inputs.put(attributes.get("name"), unescape(attributes.getOrDefault("value", "")));
            }
        }
        Matcher textarea = TEXTAREA.matcher(form);
        while (textarea.find()) {
            inputs.put(textarea.group(1), unescape(textarea.group(2)));
        }
        Matcher viewState = VIEW_STATE.matcher(html);
        if (viewState.find()) {
            inputs.put("jakarta.faces.ViewState", unescape(viewState.group(1)));
        }
        return inputs;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
