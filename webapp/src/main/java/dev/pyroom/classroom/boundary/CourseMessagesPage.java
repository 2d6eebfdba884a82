package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.CourseMessage;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The instructors' messages on a student's editor page; its poll also tells the live view the editor is open. */
@Named
@RequestScoped
public class CourseMessagesPage {

    @Inject
    Enrollment enrollment;

    @Inject
    CurrentUser currentUser;

    private List<CourseMessage> messages;

    public void editorOpen(long workspaceId) {
        enrollment.editorOpen(currentUser.id(), workspaceId);
    }

    public List<CourseMessage> getMessages() {
        if (messages == null) {
            messages = enrollment.messages(currentUser.id());
        }
        return messages;
    }
}
