package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a program can see and touch: only its workspace, no network, no secrets, no kernel extras. */
abstract class IsolationContract extends SandboxContract {

    @Test
    void runsAsAnUnprivilegedStudent() throws Exception {
        Outcome outcome = run("import getpass, os, socket\n"
                + "print(os.getuid(), os.getgid(), getpass.getuser(), socket.gethostname(), os.getcwd())\n");

        assertEquals("1000 1000 student pyroom /workspace\n", outcome.stdout());
    }

    @Test
    void seesOnlyAWhitelistedEnvironment() throws Exception {
        Outcome outcome = run("""
                import os
                def keys(path):
                    try:
                        with open(path, 'rb') as f:
                            return sorted(entry.split(b'=')[0].decode() for entry in f.read().split(b'\\0') if entry)
                    except OSError as error:
                        return type(error).__name__
                print(sorted(os.environ))
                print(keys('/proc/self/environ'))
                print(keys('/proc/1/environ'))
                """);

        String expected = "['HOME', 'LANG', 'LOGNAME', 'MPLBACKEND', 'MPLCONFIGDIR', 'OMP_NUM_THREADS',"
                + " 'OPENBLAS_NUM_THREADS', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE', 'SHELL', 'TERM', 'USER']";
        assertEquals(expected + "\n" + expected + "\nPermissionError\n", outcome.stdout());
    }

    @Test
    void writesNowhereButTheWorkspaceAndTmp() throws Exception {
        Outcome outcome = run("""
                for path in ['/x', '/etc/x', '/usr/x', '/dev/x', '/run/pyroom/x', '/home/x', '/proc/sys/kernel/x',
                             '/sys/x', '/workspace/kept.txt', '/tmp/scratch.txt', '/home/student/.history']:
                    try:
                        with open(path, 'w') as f:
                            f.write('written')
                        print('wrote', path)
                    except OSError:
                        print('refused', path)
                """);

        assertEquals("""
                refused /x
                refused /etc/x
                refused /usr/x
                refused /dev/x
                refused /run/pyroom/x
                refused /home/x
                refused /proc/sys/kernel/x
                refused /sys/x
                wrote /workspace/kept.txt
                wrote /tmp/scratch.txt
                wrote /home/student/.history
                """, outcome.stdout());
        assertEquals(List.of("kept.txt"), Changes.paths(sandbox.collectChanges()));
        assertFalse(Files.exists(workspace.resolve("kept.txt")), "the host's copy of the workspace stays as it was");
    }

    @Test
    void seesNoHostSecrets() throws Exception {
        Outcome outcome = run("""
                import os
                print(os.path.exists('/etc/shadow'), os.path.exists('/root'), os.path.exists('/sys/firmware/dmi/tables'))
                print(os.path.exists('/sys'), os.path.exists('/sys') and os.statvfs('/sys').f_flag & os.ST_RDONLY == 0)
                print(open('/etc/passwd').read().count('\\n'), sorted(os.listdir('/home')))
                """);

        String sys = containerEngine() ? "True False" : "False False";
        assertEquals("False False False\n" + sys + "\n3 ['student']\n", outcome.stdout());
    }

    @Test
    void reachesNoNetwork() throws Exception {
        try (ServerSocket hostService = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = run(String.format("""
                    import socket
                    for host, port in [('127.0.0.1', %d), ('10.0.0.1', 80), ('1.1.1.1', 53)]:
                        try:
                            socket.create_connection((host, port), timeout=2).close()
                            print('reached', host)
                        except OSError as error:
                            print('blocked', host, type(error).__name__)
                    try:
                        socket.getaddrinfo('example.com', 80)
                        print('resolved')
                    except OSError as error:
                        print('no dns', type(error).__name__)
                    """, hostService.getLocalPort()));

            assertEquals("""
                    blocked 127.0.0.1 ConnectionRefusedError
                    blocked 10.0.0.1 OSError
                    blocked 1.1.1.1 OSError
                    no dns gaierror
                    """, outcome.stdout());
        }
    }

    @Test
    void cannotUseBlockedKernelFeatures() throws Exception {
        Outcome outcome = run("""
                import ctypes, errno, os, socket
                libc = ctypes.CDLL(None, use_errno=True)
                def attempt(name, result):
                    print(name, 'allowed' if result == 0 else errno.errorcode[ctypes.get_errno()])
                attempt('unshare', libc.unshare(0x10000000))
                attempt('ptrace', libc.ptrace(16, 1, 0, 0))
                attempt('mount', libc.mount(b'none', b'/tmp', b'tmpfs', 0, None))
                try:
                    socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)
                    print('netlink allowed')
                except OSError as error:
                    print('netlink', errno.errorcode[error.errno])
                """);

        assertEquals("unshare EPERM\nptrace EPERM\nmount EPERM\nnetlink EPERM\n", outcome.stdout());
    }

    @Test
    void startsEveryRunFresh() throws Exception {
        run("""
                import os, sys
                sys.left_behind = True
                os.environ['LEFT_BEHIND'] = '1'
                os.chdir('/tmp')
                """);

        Outcome outcome =
                run("import os, sys\nprint(hasattr(sys, 'left_behind'), 'LEFT_BEHIND' in os.environ, os.getcwd())\n");

        assertEquals("False False /workspace\n", outcome.stdout());
    }

    @Test
    void leavesNoTraceOfTheWorkspacePathInside() throws Exception {
        Outcome outcome = run("print(open('/proc/1/cmdline').read().replace('\\0', ' '))\n");

        assertFalse(outcome.stdout().contains(workspace.getParent().toString()), outcome.stdout());
        assertFalse(outcome.stdout()
                .contains(Path.of(System.getProperty("java.io.tmpdir")).toString() + "/"));
    }
}
