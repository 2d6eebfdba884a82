package dev.pyroom.classroom.entity;

import java.util.List;

/**
 * An error many students of a course met in a time window.
 *
 * @param kind RUN for an exception that ended a run, LINT for the first error lint found in a saved version
 * @param name the exception's class ("NameError") or the lint message's symbol ("undefined-variable")
 * @param studentIds the students who met it, each once
 */
public record ClassError(String kind, String name, List<Long> studentIds) {

    public int students() {
        return studentIds.size();
    }

    /** "NameError (when run)" or "undefined-variable (in the editor)". */
    public String label() {
        return name + ("RUN".equals(kind) ? " (when run)" : " (in the editor)");
    }
}
