package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.HelpRequest;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** The help queue on a course page: open requests in the order asked, refreshed by the page's poll. */
@Named
@ViewScoped
public class HelpQueuePage implements Serializable {

    @Inject
    HelpQueue queue;

    @Inject
    CoursePage coursePage;

    @Inject
    CurrentUser currentUser;

    // Kept between requests of the view, so a button pressed in a row finds the row it was rendered in.
    private transient List<HelpRequest> requests;

    /** Called by the page's poll: the next render reads the queue afresh. */
    public void refresh() {
        requests = null;
    }

    public List<HelpRequest> getRequests() {
        if (requests == null) {
            requests = queue.open(currentUser.id(), coursePage.getCourseId());
        }
        return requests;
    }

    public String waiting(HelpRequest request) {
        return request.waitingAt(OffsetDateTime.now());
    }

    public void answer(HelpRequest request) {
        if (!queue.answer(currentUser.id(), coursePage.getCourseId(), request.id())) {
            PageReplies.refuse("That request is closed already.");
        }
        refresh();
    }

    public void done(HelpRequest request) {
        if (!queue.done(currentUser.id(), coursePage.getCourseId(), request.id())) {
            PageReplies.refuse("That request is closed already.");
        }
        refresh();
    }
}
