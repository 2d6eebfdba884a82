package dev.pyroom.platform.boundary;

import dev.pyroom.platform.control.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Turns a request that failed because the database cannot be reached into {@link DatabaseUnavailable}'s 503 instead
 * of the container's 500 page: pages, and whatever else a servlet serves (the sign-in provisioning filter, the
 * sign-in callback, an AJAX request that {@link DatabaseUnavailableExceptionHandler} passes on). The exceptions that
 * carry the outage ({@code ServletException} around an {@code EJBException} around a {@code PersistenceException})
 * carry other failures too, which keep their usual answer. The REST API answers through {@link ProblemMappers}:
 * Jersey settles its exceptions before they could reach a filter.
 */
public class DatabaseUnavailableFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseOutage.causedBy(e)) {
                throw e;
            }
            LOG.warning(() -> "Database unavailable: answered " + request.getRequestURI() + " with 503");
            DatabaseUnavailable.answer(request, response);
        }
    }
}
