package dev.pyroom.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;

/** Signing in as a browser does: a page that needs sign-in leads to Keycloak's login form, which leads back. */
final class KeycloakSignIn {

    private KeycloakSignIn() {}

    /**
     * Asks for {@code page}, fills in Keycloak's login form and ends on that page, which must contain
     * {@code expected}. {@code username} and {@code password} may be Gatling expressions ({@code #{username}}).
     */
    static ChainBuilder signIn(String page, String username, String password, String expected) {
        return group("sign-in")
                .on(exec(http("sign-in: page asked for")
                                .get(page)
                                .check(regex("action=\"([^\"]*login-actions/authenticate[^\"]*)\"")
                                        .transform(action -> action.replace("&amp;", "&"))
                                        .saveAs("loginAction")))
                        .exec(http("sign-in: password")
                                .post("#{loginAction}")
                                .formParam("username", username)
                                .formParam("password", password)
                                .check(substring(expected))));
    }
}
