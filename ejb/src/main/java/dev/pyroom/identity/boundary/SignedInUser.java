package dev.pyroom.identity.boundary;

import java.io.Serializable;

/** The few facts about the signed-in user that a web session keeps. */
public record SignedInUser(long id, String username, String displayName) implements Serializable {}
