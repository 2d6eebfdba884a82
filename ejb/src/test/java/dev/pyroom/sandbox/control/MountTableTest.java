package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MountTableTest {

    private static final MountTable HYBRID = new MountTable(List.of(
            "22 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
            "30 22 0:26 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755",
            "31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw",
            "33 30 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:5 - cgroup cgroup rw,cpu,cpuacct",
            "34 30 0:30 / /sys/fs/cgroup/memory rw,nosuid shared:6 - cgroup cgroup rw,memory",
            "35 30 0:31 / /sys/fs/cgroup/pids rw,nosuid - cgroup cgroup rw,pids",
            "36 30 0:32 / /sys/fs/cgroup/cpuset rw,nosuid - cgroup cgroup rw,cpuset"));

    @Test
    void findsEachV1ControllerWhereverItIsMounted() {
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/memory")), HYBRID.cgroup1("memory"));
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/pids")), HYBRID.cgroup1("pids"));
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/cpu,cpuacct")), HYBRID.cgroup1("cpu"));
        assertEquals(Optional.empty(), HYBRID.cgroup1("blkio"));
    }

    @Test
    void findsTheUnifiedHierarchy() {
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/unified")), HYBRID.cgroup2());
    }

    @Test
    void readsEscapedMountPoints() {
        MountTable table =
                new MountTable(List.of("40 22 0:40 / /srv/cgroup\\040v2 rw - cgroup2 cgroup2 rw,nsdelegate"));

        assertEquals(Optional.of(Path.of("/srv/cgroup v2")), table.cgroup2());
    }
}
