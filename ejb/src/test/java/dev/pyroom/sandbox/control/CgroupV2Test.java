package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 driver against a directory standing in for the unified hierarchy: the files the kernel would create are
 * created by the test, and what the driver writes is read back. Hosts with real cgroup v2 run the sandbox contract.
 */
class CgroupV2Test {

    private static final String[] SLOT_FILES = {
        "cgroup.procs", "memory.max", "memory.swap.max", "memory.events", "pids.max", "pids.current", "cpu.max"
    };

    @TempDir
    Path mount;

    Path instance;
    CgroupV2 driver;

    @BeforeEach
    void prepare() throws IOException {
        Path parent = mount.resolve("pyroom");
        instance = CgroupFiles.instance(parent);
        Files.createDirectories(instance);
        for (Path directory : new Path[] {mount, parent, instance}) {
            Files.writeString(directory.resolve("cgroup.subtree_control"), "");
        }
        Files.createDirectories(parent.resolve("server-999999999"));
        driver = CgroupV2.prepare(mount, "pyroom");
    }

    @Test
    void handsTheControllersDownToThisServer() throws IOException {
        assertEquals(CgroupV2.CONTROLLERS, Files.readString(mount.resolve("cgroup.subtree_control")));
        assertEquals(CgroupV2.CONTROLLERS, Files.readString(instance.resolve("cgroup.subtree_control")));
    }

    @Test
    void removesDirectoriesOfServersThatAreGone() {
        assertFalse(Files.exists(mount.resolve("pyroom/server-999999999")));
    }

    @Test
    void writesLimitsWhereTheKernelReadsThem() throws IOException {
        Path slot = kernelCreatesSlot("slot-1");

        driver.createSlot("slot-1");
        driver.limitMemory("slot-1", 256L << 20);
        driver.limitProcesses("slot-1", 66);
        driver.limitCpu("slot-1", 1.5);
        driver.enter("slot-1", 4242);

        assertEquals("0", Files.readString(slot.resolve("memory.swap.max")));
        assertEquals("268435456", Files.readString(slot.resolve("memory.max")));
        assertEquals("66", Files.readString(slot.resolve("pids.max")));
        assertEquals("150000 100000", Files.readString(slot.resolve("cpu.max")));
        assertEquals("4242", Files.readString(slot.resolve("cgroup.procs")));
    }

    @Test
    void readsOomKillsAndEmptiness() throws IOException {
        Path slot = kernelCreatesSlot("slot-2");
        Files.writeString(slot.resolve("memory.events"), "low 0\nhigh 0\nmax 4\noom 2\noom_kill 2\noom_group_kill 0\n");
        Files.writeString(slot.resolve("pids.current"), "0\n");

        assertEquals(2, driver.oomKills("slot-2"));
        assertTrue(driver.isEmpty("slot-2"));
    }

    private Path kernelCreatesSlot(String name) throws IOException {
        Path slot = Files.createDirectories(instance.resolve(name));
        for (String file : SLOT_FILES) {
            Files.writeString(slot.resolve(file), "");
        }
        return slot;
    }
}
