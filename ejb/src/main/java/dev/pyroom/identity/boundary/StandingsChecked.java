package dev.pyroom.identity.boundary;

/** {@link AccountStandings} has just asked Keycloak about the users active on this node. */
public record StandingsChecked() {}
