package dev.pyroom.identity.boundary;

import java.util.List;

/** One page of the user directory, and how many users match in all. */
public record DirectoryPage(List<DirectoryUser> users, int total) {

    public DirectoryPage {
        users = List.copyOf(users);
    }
}
