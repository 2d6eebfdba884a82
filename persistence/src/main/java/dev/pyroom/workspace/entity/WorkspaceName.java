package dev.pyroom.workspace.entity;

/** A workspace's name as its owner typed it, checked so that every page can show it safely. */
public record WorkspaceName(String value) {

    public static final int MAX_LENGTH = 60;

    public WorkspaceName {
        if (value == null || value.isBlank()) {
            throw new InvalidNameException("Please give the workspace a name.");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidNameException("A workspace name can have at most " + MAX_LENGTH + " characters.");
        }
        if (value.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
            throw new InvalidNameException("A workspace name cannot contain < or > or control characters.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
