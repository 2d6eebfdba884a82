package dev.pyroom.classroom.boundary;

import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Whether the editor offers "Ask for help": only on the student's copy of an assignment of a course they take. */
@Named
@RequestScoped
public class HelpRequestPage {

    @Inject
    RaisedHands hands;

    @Inject
    CurrentUser currentUser;

    private Boolean offered;

    public boolean offeredFor(long workspaceId) {
        if (offered == null) {
            offered = workspaceId != 0 && hands.offered(currentUser.id(), workspaceId);
        }
        return offered;
    }
}
