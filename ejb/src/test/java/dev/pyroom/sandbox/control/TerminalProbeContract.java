package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile use of the terminal: keystroke injection, and a fork bomb where no run's limits apply. */
abstract class TerminalProbeContract extends SandboxContract {

    /** Pushes keystrokes into its own terminal with TIOCSTI, to run commands as if typed. Expected: refused. */
    @Test
    void keystrokeInjectionFromTheTerminal() throws Exception {
        Screen screen = new Screen();
        Terminal terminal = sandbox.openTerminal(80, 24, screen);

        terminal.write(
                bytes("python3 -c \"import errno, fcntl, termios\ntry:\n    fcntl.ioctl(0, termios.TIOCSTI, b'x')\n"
                        + "except OSError as error:\n    print('TIOCSTI', errno.errorcode[error.errno], 6 * 7)\"\n"));

        screen.await("TIOCSTI EPERM 42");
    }

    /** A run opens the terminal's pty and pushes keystrokes into it, to make the student's shell run them. Expected:
     * refused. */
    @Test
    void keystrokeInjectionFromARunIntoTheTerminal() throws Exception {
        sandbox.openTerminal(80, 24, new Screen());

        Outcome outcome = run("""
                import errno, fcntl, os, termios
                for name in sorted(name for name in os.listdir('/dev/pts') if name.isdigit()):
                    fd = os.open('/dev/pts/' + name, os.O_RDWR | os.O_NOCTTY)
                    try:
                        fcntl.ioctl(fd, termios.TIOCSTI, b'x')
                        print('injected')
                    except OSError as error:
                        print(errno.errorcode[error.errno])
                """);

        assertEquals("EPERM\n", outcome.stdout());
    }

    /** A shell fork bomb in the terminal, where no run's wall clock will end it. Expected: the sandbox's process limit
     * holds it; closing the terminal ends every process; the sandbox runs the next program. */
    @Test
    void forkBombInTheTerminal() throws Exception {
        Screen screen = new Screen();
        Terminal terminal = sandbox.openTerminal(80, 24, screen);
        terminal.write(bytes("bomb() { bomb | bomb & }; bomb; echo bombed-$((6*7))\n"));
        screen.await("bombed-42");

        terminal.close();
        screen.awaitClosed();

        assertNoOtherProcesses();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
