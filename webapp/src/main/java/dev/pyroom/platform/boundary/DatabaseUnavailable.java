package dev.pyroom.platform.boundary;

import static dev.pyroom.platform.control.SharedJson.JSON;

import jakarta.json.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What Pyroom answers while its database cannot be reached: 503 with {@code Retry-After}; a JSON {@code error} under
 * {@code /api/} and {@code /ws/} and to a page's AJAX requests, the page {@value #PAGE} elsewhere. The page needs
 * nothing but Faces and the session, so it renders without the database. Neither says more than the sentence: no
 * stack trace, no SQL.
 */
public final class DatabaseUnavailable {

    /** What a student reads, on a page, from the API or in the editor's output. */
    public static final String MESSAGE = "The database is unavailable: try again in a moment. Nothing was lost.";
    /** A restarted or failed-over PostgreSQL answers again within seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;

    static final String PAGE = "/error/unavailable.xhtml";

    private DatabaseUnavailable() {}

    private static JsonObject json() {
        return JSON.createObjectBuilder().add("error", MESSAGE).build();
    }

    /**
     * Answers the request with the 503, replacing whatever was buffered of an answer that failed. Faces resets a
     * response whose page failed, headers included: the request id and security headers are set again.
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.resetBuffer();
        if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id) {
            response.setHeader(RequestIdFilter.HEADER, id);
        }
        SecurityHeadersFilter.apply(response);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/ws/") || isFacesAjax(request)) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            JSON.createWriter(response.getWriter()).write(json());
        } else {
            request.getRequestDispatcher(PAGE).forward(request, response);
        }
    }

    /** A page's script asking (AJAX): it cannot show a page, and stays where it is on a 503. */
    private static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }
}
