package dev.pyroom.sandbox.control;

import java.io.IOException;

/** What differs between cgroup v1 and v2: where the directories are and what the files are called. */
interface CgroupDriver {

    String describe();

    void createSlot(String slot) throws IOException;

    void removeSlot(String slot);

    /** Removes this server's directories, once all its slots are gone. */
    void removeInstance();

    void enter(String slot, long pid) throws IOException;

    void limitMemory(String slot, long bytes) throws IOException;

    void limitProcesses(String slot, int count) throws IOException;

    void limitCpu(String slot, double cores) throws IOException;

    long oomKills(String slot) throws IOException;

    boolean isEmpty(String slot) throws IOException;
}
