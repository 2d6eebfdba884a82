package dev.pyroom.identity.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The identity provider sends the browser back here; the authentication mechanism has exchanged the code by the time
 * this runs. Sends the user on to the page they first asked for, or to their workspaces.
 */
@WebServlet("/callback")
public class SignInCallbackServlet extends HttpServlet {

    private static final String DEFAULT_TARGET = "/my/workspaces.xhtml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + takeTarget(request.getSession(false)));
    }

    private static String takeTarget(HttpSession session) {
        if (session == null || !(session.getAttribute(ReturnAfterSignInDecorator.TARGET) instanceof String target)) {
            return DEFAULT_TARGET;
        }
        session.removeAttribute(ReturnAfterSignInDecorator.TARGET);
        // Only a path on this site: never let a crafted value send the user elsewhere.
        return target.startsWith("/") && !target.startsWith("//") ? target : DEFAULT_TARGET;
    }
}
