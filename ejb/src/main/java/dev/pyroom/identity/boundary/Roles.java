package dev.pyroom.identity.boundary;

import java.util.Set;

/** The realm roles Pyroom knows; they come from the identity provider's {@code groups} claim. */
public final class Roles {

    public static final String STUDENT = "student";
    public static final String INSTRUCTOR = "instructor";
    public static final String ADMIN = "admin";

    /** Every role Pyroom knows; the provider's other roles mean nothing here. */
    public static final Set<String> ALL = Set.of(STUDENT, INSTRUCTOR, ADMIN);

    private Roles() {}
}
