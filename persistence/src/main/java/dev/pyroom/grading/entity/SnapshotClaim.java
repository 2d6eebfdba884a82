package dev.pyroom.grading.entity;

import java.time.OffsetDateTime;

/**
 * A snapshot a node took to grade.
 *
 * @param claimedAt the database's time of the claim, before the tests were read: the time the grade is stored with
 */
public record SnapshotClaim(long copyId, OffsetDateTime claimedAt) {}
