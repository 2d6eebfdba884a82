package dev.pyroom.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** File history settings from MicroProfile Config; docs/operations.md lists every key. */
@ApplicationScoped
public class HistorySettings {

    @Inject
    @ConfigProperty(name = "pyroom.history.versions-per-file", defaultValue = "200")
    int versionsPerFile;

    /** How many versions of each file are kept; a save past it drops the oldest. */
    public int versionsPerFile() {
        return Math.max(1, versionsPerFile);
    }
}
