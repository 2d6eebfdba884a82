package dev.pyroom.identity.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * Who is signed in, for this HTTP session. It holds ids and names only: everything else lives in the database, so a
 * lost session costs nothing but a silent sign-in.
 */
@SessionScoped
@Named
public class CurrentUser implements Serializable {

    private SignedInUser user;

    void signIn(SignedInUser signedIn) {
        this.user = signedIn;
    }

    boolean isSignedInAs(String username) {
        return user != null && user.username().equals(username);
    }

    public Optional<SignedInUser> get() {
        return Optional.ofNullable(user);
    }

    /** The signed-in user's id; pages behind the sign-in constraint may rely on it. */
    public long id() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is signed in"))
                .id();
    }

    public String getDisplayName() {
        return get().map(SignedInUser::displayName).orElse("");
    }
}
