package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hostile programs reaching for the kernel and for privileges: the usual ways out of a container. */
abstract class KernelProbeContract extends SandboxContract {

    /** Calls {@code attempt(name, result)} for libc calls; prints the name and "allowed" or the errno's name. */
    private static final String ATTEMPT = """
            import ctypes, errno, os
            libc = ctypes.CDLL(None, use_errno=True)
            def attempt(name, result):
                print(name, 'allowed' if result >= 0 else errno.errorcode[ctypes.get_errno()])
            """;

    /** Traces another process, or reads its memory directly. Expected: refused. */
    @Test
    void ptrace() throws Exception {
        Outcome outcome = run(ATTEMPT + """
                child = os.fork()
                if child == 0:
                    os.pause()
                attempt('ptrace attach', libc.ptrace(16, child, 0, 0))
                attempt('ptrace traceme', libc.ptrace(0, 0, 0, 0))
                attempt('process_vm_readv', libc.process_vm_readv(child, 0, 0, 0, 0, 0))
                os.kill(child, 9)
                """);

        assertEquals("ptrace attach EPERM\nptrace traceme EPERM\nprocess_vm_readv EPERM\n", outcome.stdout());
    }

    /** Mounts, unmounts, makes new namespaces or joins the host's. Expected: refused; clone3 looks absent. */
    @Test
    void mountUnshareSetns() throws Exception {
        Outcome outcome = run(ATTEMPT + """
                attempt('mount', libc.mount(b'none', b'/tmp', b'tmpfs', 0, None))
                attempt('umount', libc.umount2(b'/proc', 2))
                for name, flag in (('user', 0x10000000), ('mount', 0x20000), ('net', 0x40000000), ('pid', 0x20000000)):
                    attempt('unshare ' + name, libc.unshare(flag))
                attempt('setns', libc.setns(os.open('/proc/self/ns/net', os.O_RDONLY), 0))
                attempt('clone3', libc.syscall(435, 0, 0))
                """);

        assertEquals("""
                mount EPERM
                umount EPERM
                unshare user EPERM
                unshare mount EPERM
                unshare net EPERM
                unshare pid EPERM
                setns EPERM
                clone3 ENOSYS
                """, outcome.stdout());
    }

    /** Changes its root to climb out of it. Expected: refused. */
    @Test
    void chrootAndPivotRoot() throws Exception {
        Outcome outcome = run(ATTEMPT + """
                attempt('chroot', libc.chroot(b'/tmp'))
                attempt('pivot_root', libc.syscall(155, b'/tmp', b'/tmp'))
                """);

        assertEquals("chroot EPERM\npivot_root EPERM\n", outcome.stdout());
    }

    /** Reaches for kernel attack surface: eBPF, perf events, userfaultfd, io_uring, keyrings, modules. Expected: all
     * refused. */
    @Test
    void kernelAttackSurface() throws Exception {
        Outcome outcome = run(ATTEMPT + """
                for name, number in (('bpf', 321), ('perf_event_open', 298), ('userfaultfd', 323),
                                     ('io_uring_setup', 425), ('keyctl', 250), ('add_key', 248),
                                     ('init_module', 175), ('kexec_load', 246)):
                    attempt(name, libc.syscall(number, 0, 0, 0, 0, 0))
                """);

        assertEquals("""
                bpf EPERM
                perf_event_open EPERM
                userfaultfd EPERM
                io_uring_setup EPERM
                keyctl EPERM
                add_key EPERM
                init_module EPERM
                kexec_load EPERM
                """, outcome.stdout());
    }

    /** Signals the server and a host process by their host PIDs, then every PID there is. Expected: host PIDs do not
     * exist inside; kill(-1) reaches the sandbox's own processes only; the agent, the server and the host process live
     * on. */
    @Test
    void signalsToTheServerAndTheHost() throws Exception {
        try (PlantedSecrets host = new PlantedSecrets()) {
            Outcome outcome = runWith("""
                    import errno, os, signal, sys
                    for pid in sys.argv[1:]:
                        try:
                            os.kill(int(pid), signal.SIGKILL)
                            print('signalled')
                        except OSError as error:
                            print(errno.errorcode[error.errno])
                    os.kill(-1, signal.SIGKILL)
                    """, Long.toString(ProcessHandle.current().pid()), Long.toString(host.pid()));

            assertEquals("ESRCH\nESRCH\n", outcome.stdout());
            assertTrue(ProcessHandle.of(host.pid()).map(ProcessHandle::isAlive).orElse(false));
            assertEquals("still here\n", run("print('still here')\n").stdout());
        }
    }

    /** Sends every signal it can to the agent, PID 1. Expected: ignored; the sandbox runs the next program. */
    @Test
    void signalsToTheAgent() throws Exception {
        run("import os\nfor number in (9, 19, 15, 2, 1, 11, 6):\n    os.kill(1, number)\n");

        assertEquals("still here\n", run("print('still here')\n").stdout());
    }

    /** Looks for setuid programs and runs su and sudo. Expected: every mount is nosuid (a container engine's root file
     * system is not: then it holds no setuid or setgid file), no new privileges can be gained, no capabilities are
     * held, and su fails. */
    @Test
    void setuidPrograms() throws Exception {
        Outcome outcome = run("""
                import os, stat, subprocess
                mounts = [line.split() for line in open('/proc/self/mountinfo')]
                print('all nosuid', all('nosuid' in fields[5].split(',') for fields in mounts))
                setuid = []
                for point in [fields[4] for fields in mounts if 'nosuid' not in fields[5].split(',')]:
                    device = os.lstat(point).st_dev
                    for folder, folders, files in os.walk(point):
                        folders[:] = [name for name in folders if os.lstat(os.path.join(folder, name)).st_dev == device]
                        for name in files:
                            mode = os.lstat(os.path.join(folder, name)).st_mode
                            if stat.S_ISREG(mode) and mode & (stat.S_ISUID | stat.S_ISGID):
                                setuid.append(os.path.join(folder, name))
                print('setuid files where they would work', setuid)
                status = dict(line.split(':\\t') for line in open('/proc/self/status').read().splitlines() if ':\\t' in line)
                print('no new privileges', status['NoNewPrivs'], 'capabilities', status['CapEff'], status['CapPrm'])
                for command in (['su', '-c', 'id -u'], ['sudo', 'id -u']):
                    try:
                        result = subprocess.run(command, input='guess\\n', capture_output=True, text=True, timeout=5)
                        print(command[0], 'root' if result.stdout.strip() == '0' else 'failed')
                    except FileNotFoundError:
                        print(command[0], 'absent')
                print('uid', os.getuid(), os.geteuid())
                """);

        String[] lines = outcome.stdout().split("\n");
        assertEquals("all nosuid " + (containerEngine() ? "False" : "True"), lines[0]);
        assertEquals("setuid files where they would work []", lines[1]);
        assertEquals("no new privileges 1 capabilities 0000000000000000 0000000000000000", lines[2]);
        assertEquals("su failed", lines[3]);
        assertTrue(lines[4].equals("sudo failed") || lines[4].equals("sudo absent"), lines[4]);
        assertEquals("uid 1000 1000", lines[5]);
    }

    /** Raises its own privileges or limits: root ids, groups, a hard limit, immunity to the OOM killer. Expected: all
     * refused. */
    @Test
    void raisingPrivilegesAndLimits() throws Exception {
        Outcome outcome = run("""
                import os, resource
                def attempt(name, action):
                    try:
                        action()
                        print(name, 'allowed')
                    except (OSError, ValueError):
                        print(name, 'refused')
                attempt('setuid', lambda: os.setuid(0))
                attempt('setgid', lambda: os.setgid(0))
                attempt('setgroups', lambda: os.setgroups([0]))
                attempt('raise nproc', lambda: resource.setrlimit(resource.RLIMIT_NPROC, (10 ** 6, 10 ** 6)))
                def immune():
                    fd = os.open('/proc/self/oom_score_adj', os.O_WRONLY)
                    os.write(fd, b'-1000')
                attempt('oom immunity', immune)
                print(os.getresuid(), os.getresgid())
                """);

        assertEquals("""
                setuid refused
                setgid refused
                setgroups refused
                raise nproc refused
                oom immunity refused
                (1000, 1000, 1000) (1000, 1000, 1000)
                """, outcome.stdout());
    }

    /** Creates device nodes to reach disks or memory, and lists /dev. Expected: refused; only harmless devices (a
     * container engine adds its message queue file system, private to the sandbox, and leaves out core). */
    @Test
    void devices() throws Exception {
        Outcome outcome = run("""
                import errno, os, stat
                try:
                    os.mknod('/tmp/disk', stat.S_IFBLK | 0o600, os.makedev(8, 0))
                except OSError as error:
                    print(errno.errorcode[error.errno])
                print(sorted(os.listdir('/dev')))
                """);

        String first = containerEngine() ? "'fd', 'full', 'mqueue'," : "'core', 'fd', 'full',";
        assertEquals(
                "EPERM\n[" + first + " 'null', 'ptmx', 'pts', 'random', 'shm', 'stderr', 'stdin', 'stdout',"
                        + " 'tty', 'urandom', 'zero']\n",
                outcome.stdout());
    }

    /** Changes kernel settings, the host name or the clock. Expected: refused. */
    @Test
    void kernelSettingsHostnameAndClock() throws Exception {
        Outcome outcome = run(ATTEMPT + """
                try:
                    open('/proc/sys/kernel/hostname', 'w').write('owned')
                except OSError as error:
                    print('sysctl', errno.errorcode[error.errno])
                attempt('sethostname', libc.sethostname(b'owned', 5))
                attempt('settimeofday', libc.settimeofday(ctypes.byref((ctypes.c_long * 2)(0, 0)), None))
                """);

        assertTrue(
                outcome.stdout().matches("sysctl (EROFS|EACCES)\nsethostname EPERM\nsettimeofday EPERM\n"),
                outcome.stdout());
    }

    /** Hard-links system files into the workspace, to have them synced back or to keep them. Expected: refused, the
     * workspace is a file system of its own. */
    @Test
    void hardLinksToSystemFiles() throws Exception {
        Outcome outcome = run("""
                import errno, os
                for target in ('/etc/passwd', '/usr/bin/python3', '/run/pyroom/agent/agent.py'):
                    try:
                        os.link(target, os.path.basename(target))
                        print('linked')
                    except OSError as error:
                        print(errno.errorcode[error.errno])
                """);

        assertEquals("EXDEV\nEXDEV\nEXDEV\n", outcome.stdout());
    }
}
