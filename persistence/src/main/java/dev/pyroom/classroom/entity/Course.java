package dev.pyroom.classroom.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A class an instructor teaches: students join it with its code and get its assignments. */
@Entity
@Table(name = "course")
public class Course {

    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String term;

    @Column(name = "join_code", nullable = false, unique = true)
    private String joinCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Course() {}

    /** @throws InvalidCourseException when the name or term is empty or too long */
    public Course(String name, String term, OffsetDateTime now) {
        this.name = required(name, "name", 80);
        this.term = required(term, "term", 40);
        this.joinCode = newJoinCode();
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** Eight letters and digits without look-alikes (no O/0, I/1): easy to read out in a lab. */
    static String newJoinCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    private static String required(String value, String what, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidCourseException("A course needs a " + what + ".");
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidCourseException("A course " + what + " has at most " + maxLength + " characters.");
        }
        return trimmed;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTerm() {
        return term;
    }

    public String getJoinCode() {
        return joinCode;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
