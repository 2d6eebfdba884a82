package dev.pyroom.platform.boundary;

import dev.pyroom.platform.control.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request an id that follows it from the load balancer into this node's log: the {@code X-Request-ID}
 * the load balancer set (or the client sent), or a fresh one. The id goes back in the response's header, and each
 * request ends with one log line in {@code key=value} form on the logger {@code dev.pyroom.access} (for the scripts
 * and styles of pages only at {@code FINE}, unless they fail):
 * {@code request id=... method=GET path=/my/workspaces.xhtml status=200 ms=12 user=student}. While the request runs,
 * the id is also available to the code that serves it as a request attribute ({@link #ATTRIBUTE}), and every line
 * logged on the request's thread carries it ({@link RequestIds}, read by the log formatters).
 */
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-ID";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Logger ACCESS = Logger.getLogger("dev.pyroom.access");
    /** An id from outside lands in the log: only plain ones are kept, anything else is replaced. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = requestId(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        try (RequestIds.Scope serving = RequestIds.enter(id)) {
            try {
                chain.doFilter(request, response);
            } finally {
                logEnd(request, response, id, (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    static String requestId(String offered) {
        return offered != null && PLAIN.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    private static void logEnd(HttpServletRequest request, HttpServletResponse response, String id, long millis) {
        int status = response.getStatus();
        Level level = status >= 500 ? Level.WARNING : isStaticResource(request) ? Level.FINE : Level.INFO;
        if (!ACCESS.isLoggable(level)) {
            return;
        }
        String user = request.getUserPrincipal() == null
                ? "-"
                : request.getUserPrincipal().getName();
        ACCESS.log(level, "request id={0} method={1} path={2} status={3} ms={4} user={5}", new Object[] {
            id,
            request.getMethod(),
            oneToken(request.getRequestURI()),
            String.valueOf(status),
            String.valueOf(millis),
            user
        });
    }

    /** Scripts, styles and images of a page: many per page, logged by HAProxy already, interesting only failing. */
    private static boolean isStaticResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }

    /** The path stays one value of the line, whatever a client put into it. */
    private static String oneToken(String path) {
        return path.replace("\"", "%22").replaceAll("\\s", "%20");
    }
}
