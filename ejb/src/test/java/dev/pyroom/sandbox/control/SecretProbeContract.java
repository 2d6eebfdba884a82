package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyroom.sandbox.entity.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hostile programs looking for what is not theirs: the host's files, processes, environment and other sandboxes. */
abstract class SecretProbeContract extends SandboxContract {

    /** Tells whether {@code needle} appears in any process's environment or command line the program can read. */
    private static final String SEARCH_PROCESSES = """
            import os, sys
            needles = [needle.encode() for needle in sys.argv[1:]]
            found = []
            for pid in (name for name in os.listdir('/proc') if name.isdigit()):
                for part in ('environ', 'cmdline'):
                    try:
                        data = open(f'/proc/{pid}/{part}', 'rb').read()
                    except OSError:
                        continue
                    found += [(pid, part) for needle in needles if needle in data]
            print('found', found)
            """;

    /** Reads the agent's environment, memory, root, working folder and open files. Expected: all refused. */
    @Test
    void agentInternals() throws Exception {
        Outcome outcome = run("""
                import os
                for path in ('/proc/1/environ', '/proc/1/mem', '/proc/1/root/', '/proc/1/cwd/', '/proc/1/fd/'):
                    try:
                        open(path, 'rb').read(1) if not path.endswith('/') else os.listdir(path)
                        print(path, 'read')
                    except OSError as error:
                        print(path, type(error).__name__)
                """);

        assertEquals("""
                /proc/1/environ PermissionError
                /proc/1/mem PermissionError
                /proc/1/root/ PermissionError
                /proc/1/cwd/ PermissionError
                /proc/1/fd/ PermissionError
                """, outcome.stdout());
    }

    /** Searches every /proc/PID/environ and cmdline for a secret a host process holds. Expected: not found. */
    @Test
    void secretsOfHostProcesses() throws Exception {
        try (PlantedSecrets planted = new PlantedSecrets()) {
            Outcome outcome = runWith(SEARCH_PROCESSES, planted.secret);

            assertEquals("found []\n", outcome.stdout());
        }
    }

    /**
     * Looks for the server: its process, its command line and every variable of its environment, in every process it
     * can see. Expected: none of it is visible.
     */
    @Test
    void theServersProcessAndEnvironment() throws Exception {
        List<String> serverSecrets = System.getenv().entrySet().stream()
                .filter(variable -> !BubblewrapCommand.ENVIRONMENT.containsKey(variable.getKey()))
                .map(variable -> variable.getKey() + "=" + variable.getValue())
                .filter(variable -> variable.length() > 12)
                .toList();
        String needles = "java\0" + ProcessHandle.current().pid() + "\0" + String.join("\0", serverSecrets);

        Outcome outcome = runWith(SEARCH_PROCESSES, needles.split("\0"));

        assertEquals("found []\n", outcome.stdout());
        assertEquals(
                "False\n",
                run("import os\nprint(os.path.exists('/proc/%d/cmdline'))\n"
                                .formatted(ProcessHandle.current().pid()))
                        .stdout());
    }

    /** Looks for the host's secrets and the server's files. Expected: none of the paths exist in the sandbox. */
    @Test
    void hostFiles() throws Exception {
        List<String> paths = new ArrayList<>(List.of(
                "/etc/shadow",
                "/etc/gshadow",
                "/etc/ssh",
                "/etc/sudoers",
                "/root",
                "/var",
                "/srv",
                "/opt",
                "/boot",
                "/sys/firmware/dmi/tables",
                "/sys/fs/cgroup/memory/docker",
                "/run/postgresql",
                "/var/run/docker.sock",
                System.getProperty("user.dir"),
                System.getProperty("user.home"),
                workspace.toString()));
        if (!containerEngine()) {
            paths.add("/sys");
        }
        Outcome outcome = run("import os\nprint([p for p in %s if os.path.lexists(p)], os.listdir('/home'))\n"
                .formatted(pythonList(paths)));

        assertEquals("[] ['student']\n", outcome.stdout());
    }

    /** Searches the whole file system for another sandbox's files, and opens its host folder. Expected: not there. */
    @Test
    void otherSandboxesWorkspaces() throws Exception {
        String secret = "pyroom-other-" + UUID.randomUUID();
        Path otherSeed = Files.createDirectory(workspace.resolveSibling("other"));
        Files.writeString(otherSeed.resolve(secret + ".py"), secret);
        try (Sandbox other = backend.open(SandboxSpec.of(otherSeed))) {
            other.writeFile("later.txt", secret.getBytes(StandardCharsets.UTF_8));

            Outcome outcome = runWith("""
                    import os, sys
                    secret, other = sys.argv[1:]
                    found = []
                    for top in os.listdir('/'):
                        if top in ('proc', 'usr', 'dev') or os.path.islink('/' + top):
                            continue
                        for folder, _, files in os.walk('/' + top):
                            for name in files:
                                path = os.path.join(folder, name)
                                try:
                                    if secret in name or secret.encode() in open(path, 'rb').read(1 << 20):
                                        found.append(path)
                                except OSError:
                                    pass
                    print(found, os.path.exists(other))
                    """, secret, otherSeed.toString());

            assertEquals("[] False\n", outcome.stdout());
        }
    }

    /** Reads the kernel log and memory. Expected: syslog refused, no /dev/kmsg or /dev/mem, /proc/kcore closed. */
    @Test
    void kernelLogAndMemory() throws Exception {
        Outcome outcome = run("""
                import ctypes, errno, os
                libc = ctypes.CDLL(None, use_errno=True)
                buffer = ctypes.create_string_buffer(4096)
                print(libc.klogctl(3, buffer, 4096), errno.errorcode[ctypes.get_errno()])
                print([path for path in ('/dev/kmsg', '/dev/mem', '/dev/port') if os.path.exists(path)])
                try:
                    open('/proc/kcore', 'rb').read(1)
                    print('kcore read')
                except (PermissionError, FileNotFoundError):
                    print('kcore closed')
                """);

        assertEquals("-1 EPERM\n[]\nkcore closed\n", outcome.stdout());
    }

    /** Rewrites the agent's code or the seed the workspace came from. Expected: refused, both are read-only. */
    @Test
    void agentAndSeedTampering() throws Exception {
        Outcome outcome = run("""
                import errno, os
                for path in ('/run/pyroom/agent/agent.py', '/run/pyroom/agent/evil.py', '/run/pyroom/seed/evil.py'):
                    try:
                        open(path, 'a').close()
                        print('written')
                    except OSError as error:
                        print('refused' if error.errno in (errno.EROFS, errno.EACCES) else error)
                """);

        assertEquals("refused\nrefused\nrefused\n", outcome.stdout());
    }

    /** Lists the program's open files for descriptors leaked from the host. Expected: only the agent's pipes. */
    @Test
    void leakedFileDescriptors() throws Exception {
        Outcome outcome = run("""
                import os
                kinds = set()
                for fd in os.listdir('/proc/self/fd'):
                    try:
                        kinds.add(os.readlink(f'/proc/self/fd/{fd}').split(':')[0])
                    except OSError:
                        pass
                print(sorted(kinds))
                """);

        assertEquals("['pipe']\n", outcome.stdout());
    }

    /** Asks who and where it is. Expected: a synthetic user and host, nothing of the real machine (a container engine
     * writes its own hosts file, naming no host of the machine either). */
    @Test
    void identityOfTheHost() throws Exception {
        Outcome outcome = run("""
                import os, pwd, grp
                print(os.uname().nodename, sorted(user.pw_name for user in pwd.getpwall()))
                print(sorted(group.gr_name for group in grp.getgrall()), len(open('/etc/hosts').readlines()))
                """);

        String hostsLines = containerEngine() ? "0" : "3";
        assertEquals(
                "pyroom ['nobody', 'root', 'student']\n['nogroup', 'root', 'student'] " + hostsLines + "\n",
                outcome.stdout());
    }

    private static String pythonList(List<String> values) {
        return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
