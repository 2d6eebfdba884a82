package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.control.RosterFile;
import dev.pyroom.classroom.entity.InvalidCourseException;
import dev.pyroom.identity.boundary.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;

/** The course page's roster import: a CSV uploaded or pasted, a preview row by row, then the import. */
@Named
@ViewScoped
public class RosterImportPage implements Serializable {

    @Inject
    RosterImport rosterImport;

    @Inject
    CoursePage coursePage;

    @Inject
    CurrentUser currentUser;

    private String roster;
    private List<RosterEntry> entries = List.of();
    private boolean imported;

    public void upload(FileUploadEvent event) {
        byte[] content = event.getFile().getContent();
        if (content.length > RosterFile.MAX_CHARS) {
            PageReplies.refuse("The roster is too large: at most " + RosterFile.MAX_CHARS / 1024 + " KiB.");
            return;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            PageReplies.refuse("This file is not UTF-8 text: save it as \"CSV UTF-8\" and upload it again.");
            return;
        }
        roster = text;
        preview();
    }

    public void preview() {
        imported = false;
        try {
            entries = rosterImport.preview(currentUser.id(), coursePage.getCourseId(), roster);
            PageReplies.inform("Nothing has changed yet. " + tally("to enroll", "to invite") + " Check, then import.");
        } catch (InvalidCourseException e) {
            entries = List.of();
            PageReplies.refuse(e.getMessage());
        }
    }

    public void importRoster() {
        try {
            entries = rosterImport.importRoster(currentUser.id(), coursePage.getCourseId(), roster);
            imported = true;
            PageReplies.inform("Imported. " + tally("enrolled", "invited"));
            coursePage.refreshRoster();
        } catch (InvalidCourseException e) {
            PageReplies.refuse(e.getMessage());
        }
    }

    private String tally(String enrolled, String invited) {
        Map<RosterEntry.Status, Long> counts =
                entries.stream().collect(Collectors.groupingBy(RosterEntry::status, Collectors.counting()));
        Function<RosterEntry.Status, Long> count = status -> counts.getOrDefault(status, 0L);
        return count.apply(RosterEntry.Status.ENROLL) + " " + enrolled + ", " + count.apply(RosterEntry.Status.INVITE)
                + " " + invited + " (they join at their first sign-in), "
                + count.apply(RosterEntry.Status.ALREADY) + " already in, "
                + (count.apply(RosterEntry.Status.UNKNOWN) + count.apply(RosterEntry.Status.REFUSED))
                + " rows refused.";
    }

    public boolean isReadyToImport() {
        return !imported && entries.stream().anyMatch(RosterEntry::changes);
    }

    public String getRoster() {
        return roster;
    }

    public void setRoster(String roster) {
        this.roster = roster;
    }

    public List<RosterEntry> getEntries() {
        return entries;
    }
}
