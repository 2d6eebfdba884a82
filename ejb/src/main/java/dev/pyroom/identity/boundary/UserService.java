package dev.pyroom.identity.boundary;

import dev.pyroom.identity.control.UserRepository;
import dev.pyroom.identity.entity.IdentityProfile;
import dev.pyroom.identity.entity.SignedIn;
import dev.pyroom.identity.entity.User;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Optional;

@Stateless
@PermitAll
public class UserService {

    @Inject
    UserRepository users;

    @Inject
    Event<SignedIn> signedIn;

    /** Records a sign-in: creates the user the first time, refreshes name and email from the token afterwards. */
    public SignedInUser signIn(IdentityProfile profile) {
        long id = users.provision(profile);
        signedIn.fire(new SignedIn(id, profile.subject()));
        return new SignedInUser(id, profile.username(), profile.displayName());
    }

    /**
     * The id of the signed-in caller: by the identity provider's subject when the principal carries it, else by the
     * name the container authenticated them by.
     */
    public Optional<Long> idOf(Principal caller) {
        Optional<User> user = caller instanceof SignedInCaller signedIn
                ? users.findBySubject(signedIn.subject())
                : users.findByUsername(caller.getName());
        return user.map(User::getId);
    }
}
