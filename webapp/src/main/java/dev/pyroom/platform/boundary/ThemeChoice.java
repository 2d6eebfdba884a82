package dev.pyroom.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

/**
 * The light or dark theme a browser chose. The browser keeps its choice (theme.js) and mirrors it into a cookie, so
 * that the page arrives already in that theme, Monaco included, and nothing flashes light before turning dark.
 */
@Named
@RequestScoped
public class ThemeChoice {

    static final String COOKIE = "pyroom-theme";

    private Boolean dark;

    public boolean isDark() {
        if (dark == null) {
            Object cookie = FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestCookieMap()
                    .get(COOKIE);
            dark = cookie instanceof Cookie chosen && "dark".equals(chosen.getValue());
        }
        return dark;
    }

    /** The value of the page's {@code data-theme}: "dark" or "light". */
    public String getName() {
        return isDark() ? "dark" : "light";
    }
}
