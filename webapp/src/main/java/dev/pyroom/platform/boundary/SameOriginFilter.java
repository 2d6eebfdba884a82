package dev.pyroom.platform.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses requests that another site makes a signed-in user's browser send: every request that changes something
 * (POST, PUT, PATCH, DELETE: Faces forms and AJAX, the REST API, sign-out) and every WebSocket handshake must come
 * from a page of Pyroom's own origin, as its {@code Origin} header (or, without one, its {@code Referer}) says.
 * Pyroom's origins are the public URL ({@code pyroom.public-url}) and the one the request was addressed to (through
 * a proxy: {@code X-Forwarded-Proto} and {@code Host}). Browsers send {@code Origin} on every cross-origin POST and
 * WebSocket handshake, so a request with neither header comes from a script or tool, which holds no user's cookie
 * unless given one, and is let through.
 */
public class SameOriginFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SameOriginFilter.class.getName());
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String REFUSAL =
            "This request came from another site and was refused. Open Pyroom itself and try again there.";

    @Inject
    @ConfigProperty(name = "pyroom.public-url")
    Optional<String> publicUrl;

    private Optional<Origin> publicOrigin;

    @Override
    public void init() {
        publicOrigin = publicUrl
                .filter(url -> !url.isBlank())
                .map(url -> Origin.parse(url)
                        .orElseThrow(() -> new IllegalStateException(
                                "pyroom.public-url must be an http or https URL such as https://pyroom.example.edu, not: "
                                        + url)));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!mayActForTheUser(request)) {
            chain.doFilter(request, response);
            return;
        }
        String claimed = Optional.ofNullable(request.getHeader("Origin")).orElse(request.getHeader("Referer"));
        if (claimed == null
                || Origin.parse(claimed)
                        .filter(origin -> isOwn(origin, request))
                        .isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "Refused a cross-site " + request.getMethod() + " of " + request.getRequestURI() + " from "
                + claimed.replaceAll("\\s", "%20"));
        refuse(request, response);
    }

    private static boolean mayActForTheUser(HttpServletRequest request) {
        return STATE_CHANGING.contains(request.getMethod())
                || ("GET".equals(request.getMethod()) && "websocket".equalsIgnoreCase(request.getHeader("Upgrade")));
    }

    private boolean isOwn(Origin origin, HttpServletRequest request) {
        return publicOrigin.filter(origin::equals).isPresent()
                || Origin.addressed(
                                request.getScheme(),
                                request.getHeader("X-Forwarded-Proto"),
                                Optional.ofNullable(request.getHeader("X-Forwarded-Host"))
                                        .orElse(request.getHeader("Host")))
                        .filter(origin::equals)
                        .isPresent();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/ws/")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            JSON.createWriter(response.getWriter())
                    .write(JSON.createObjectBuilder().add("error", REFUSAL).build());
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><title>Refused · Pyroom</title></head>"
                            + "<body><h1>Refused</h1><p>" + REFUSAL + "</p></body></html>");
        }
    }
}
