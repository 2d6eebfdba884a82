package dev.pyroom.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A person known to Pyroom, provisioned from the identity provider on first sign-in. */
@Entity
@Table(name = "app_user")
@NamedQuery(
        name = User.FIND_BY_USERNAME,
        query = "select u from User u where u.username = :username order by u.lastLoginAt desc")
@NamedQuery(name = User.FIND_BY_SUBJECT, query = "select u from User u where u.subject = :subject")
public class User {

    public static final String FIND_BY_USERNAME = "User.findByUsername";
    public static final String FIND_BY_SUBJECT = "User.findBySubject";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false)
    private String username;

    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_login_at", nullable = false)
    private OffsetDateTime lastLoginAt;

    protected User() {}

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastLoginAt() {
        return lastLoginAt;
    }
}
