package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hostile programs reaching for the network: the server's own ports, the outside world, name service, host sockets.
 * Outside addresses are documentation ranges (RFC 5737) that route nowhere, never real hosts.
 */
abstract class NetworkProbeContract extends SandboxContract {

    /** Connects to a port the server listens on at loopback, over IPv4 and IPv6. Expected: refused, the loopback
     * inside is the sandbox's own. */
    @Test
    void theServersLoopbackPorts() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = runWith("""
                    import errno, socket, sys
                    for host in ('127.0.0.1', '::1'):
                        try:
                            socket.create_connection((host, int(sys.argv[1])), timeout=5).close()
                            print('reached')
                        except OSError as error:
                            print(errno.errorcode[error.errno])
                    """, Integer.toString(server.getLocalPort()));

            assertEquals("ECONNREFUSED\nECONNREFUSED\n", outcome.stdout());
        }
    }

    /** Connects to an outside address over TCP. Expected: unreachable at once; no packet can leave. */
    @Test
    void outsideTcp() throws Exception {
        Outcome outcome = run("""
                import errno, socket
                try:
                    socket.create_connection(('192.0.2.1', 80), timeout=30)
                except OSError as error:
                    print(errno.errorcode[error.errno])
                """);

        assertEquals("ENETUNREACH\n", outcome.stdout());
    }

    /** Sends UDP to an outside name server address. Expected: unreachable. */
    @Test
    void outsideUdp() throws Exception {
        Outcome outcome = run("""
                import errno, socket
                try:
                    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('198.51.100.53', 53))
                except OSError as error:
                    print(errno.errorcode[error.errno])
                """);

        assertEquals("ENETUNREACH\n", outcome.stdout());
    }

    /** Resolves a name. Expected: no resolver configured (a container engine always writes one), no answer. */
    @Test
    void dns() throws Exception {
        Outcome outcome = run("""
                import os, socket
                try:
                    socket.getaddrinfo('example.com', 80)
                    print('resolved')
                except socket.gaierror:
                    print('unresolved', os.path.exists('/etc/resolv.conf'))
                """);

        assertEquals("unresolved " + (containerEngine() ? "True" : "False") + "\n", outcome.stdout());
    }

    /** Connects to a unix socket the server listens on, and to well-known host sockets. Expected: none exist inside. */
    @Test
    void hostUnixSockets() throws Exception {
        Path path = workspace.resolveSibling("server.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            Outcome outcome = runWith("""
                    import socket, sys
                    for path in (sys.argv[1], '/run/postgresql/.s.PGSQL.5432', '/var/run/docker.sock', '/run/dbus/system_bus_socket'):
                        try:
                            socket.socket(socket.AF_UNIX).connect(path)
                            print('reached', path)
                        except OSError as error:
                            print(type(error).__name__)
                    """, path.toString());

            assertEquals("FileNotFoundError\n".repeat(4), outcome.stdout());
        }
    }

    /** Connects to an abstract unix socket a host process listens on; those have no file to hide. Expected: refused,
     * the abstract namespace belongs to the network namespace. */
    @Test
    void hostAbstractSockets() throws Exception {
        try (PlantedSecrets planted = new PlantedSecrets()) {
            Outcome outcome = runWith("""
                    import errno, socket, sys
                    try:
                        socket.socket(socket.AF_UNIX).connect(b'\\0' + sys.argv[1].encode())
                        print('reached')
                    except OSError as error:
                        print(errno.errorcode[error.errno])
                    """, planted.secret);

            assertEquals("ECONNREFUSED\n", outcome.stdout());
        }
    }

    /** Opens raw, packet and netlink sockets to sniff or forge traffic or talk to the kernel. Expected: refused. */
    @Test
    void rawPacketAndNetlinkSockets() throws Exception {
        Outcome outcome = run("""
                import errno, socket
                for family, protocol in ((socket.AF_INET, socket.IPPROTO_ICMP), (socket.AF_PACKET, 0),
                                         (socket.AF_NETLINK, 0)):
                    try:
                        socket.socket(family, socket.SOCK_RAW, protocol)
                        print('opened')
                    except OSError as error:
                        print(errno.errorcode[error.errno])
                """);

        assertEquals("EPERM\nEPERM\nEPERM\n", outcome.stdout());
    }

    /** Lists the network interfaces (from /proc, netlink being closed). Expected: loopback only. */
    @Test
    void networkInterfaces() throws Exception {
        Outcome outcome =
                run("print([line.split(':')[0].strip() for line in open('/proc/net/dev').readlines()[2:]])\n");

        assertEquals("['lo']\n", outcome.stdout());
    }

    /** Serves on a port inside for others to reach, and binds a privileged port. Expected: the privileged port is
     * refused, and the host cannot reach the other. */
    @Test
    void serversInsideTheSandbox() throws Exception {
        write("main.py", """
                import errno, socket
                try:
                    socket.socket().bind(('127.0.0.1', 80))
                except OSError as error:
                    print(errno.errorcode[error.errno])
                server = socket.socket()
                server.bind(('127.0.0.1', 0))
                server.listen()
                print('port', server.getsockname()[1], flush=True)
                input()
                """);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Transcript transcript = new Transcript(stdout -> {
            if (stdout.contains("port ")) {
                port.complete(Integer.parseInt(
                        stdout.substring(stdout.indexOf("port ") + 5).strip()));
            }
        });
        Run run = sandbox.start(RunRequest.of("main.py"), transcript);

        int inside = port.get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), inside), 2000);
            }
        });
        run.closeInput();
        assertEquals(RunEnding.EXITED, await(run).ending());
        assertEquals("EACCES\n", transcript.stdout().lines().findFirst().orElse("") + "\n");
    }
}
