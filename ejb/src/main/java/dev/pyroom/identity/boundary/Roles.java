package dev.pyroom.identity.boundary;

/** The realm roles Pyroom knows; they come from the identity provider's {@code groups} claim. */
public final class Roles {

    public static final String STUDENT = "student";
    public static final String INSTRUCTOR = "instructor";
    public static final String ADMIN = "admin";

    private Roles() {}
}
