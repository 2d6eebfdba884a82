package dev.pyroom.identity.entity;

/** A user signed in; observers act in the same transaction as recording the sign-in. */
public record SignedIn(long userId, String subject) {}
