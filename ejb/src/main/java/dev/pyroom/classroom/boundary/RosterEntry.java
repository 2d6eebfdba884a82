package dev.pyroom.classroom.boundary;

/**
 * One row of an imported roster and what importing it does.
 *
 * @param row the row's number in the file
 * @param entry the username or email address it names
 * @param status what happens to it
 * @param detail the Keycloak username it resolved to, or why it is refused
 */
public record RosterEntry(long row, String entry, Status status, String detail) {

    public enum Status {
        ENROLL("will be enrolled"),
        INVITE("will be enrolled at their first sign-in"),
        ALREADY("already in the course"),
        UNKNOWN("no such user in Keycloak"),
        REFUSED("refused");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean changes() {
        return status == Status.ENROLL || status == Status.INVITE;
    }
}
