package dev.pyroom.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyroom.sandbox.entity.Figure;
import dev.pyroom.sandbox.entity.RunEnding;
import dev.pyroom.sandbox.entity.RunLimits;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The packages beginners plot and compute with (numpy, pandas, scipy, matplotlib) work within a run's default limits,
 * and a figure the program shows reaches the host as a PNG image, apart from its text.
 */
abstract class PlotsContract extends SandboxContract {

    /**
     * The default limits but for wall time, which a loaded machine decides: importing these packages takes a few
     * hundred milliseconds of CPU on a quiet machine, several seconds of waiting on a busy one.
     */
    private static final RunLimits LIMITS = RunLimits.DEFAULTS.withWallTime(Duration.ofSeconds(25));

    private static final String PLOT = """
            import matplotlib.pyplot as plt
            print('before')
            plt.plot([1, 2, 3], [1, 4, 9])
            plt.title('squares')
            plt.show()
            print('after')
            """;

    @Test
    void importsTheScientificPackagesWithinTheRunLimits() throws Exception {
        Outcome outcome = runWithinLimits("""
                import numpy as np, pandas as pd, scipy, scipy.stats, matplotlib, matplotlib.pyplot as plt
                frame = pd.DataFrame({'x': np.arange(4), 'y': np.arange(4) ** 2})
                print(int(frame['y'].sum()), np.linalg.inv(np.eye(2) * 2).tolist())
                print(round(float(scipy.stats.norm.cdf(0)), 2), matplotlib.get_backend())
                """);

        assertEquals(RunEnding.EXITED, outcome.result().ending(), outcome.stderr());
        assertEquals("14 [[0.5, 0.0], [0.0, 0.5]]\n0.5 module://pyroom_plots\n", outcome.stdout());
    }

    @Test
    void showsAFigureAsOnePngImageBetweenItsText() throws Exception {
        Outcome outcome = runWithinLimits(PLOT);

        assertEquals(RunEnding.EXITED, outcome.result().ending(), outcome.stderr());
        assertEquals("before\n[Figure 1]after\n", outcome.transcript().stdoutAndFigures());
        List<Figure> figures = outcome.transcript().figures();
        assertEquals(1, figures.size());
        assertEquals(1, figures.get(0).number());
        // A real PNG, of matplotlib's default size: 6.4 x 4.8 inches at 100 dpi.
        var image = ImageIO.read(new ByteArrayInputStream(figures.get(0).png()));
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    void showsEveryOpenFigureOnceInOrder() throws Exception {
        Outcome outcome = runWithinLimits("""
                import matplotlib.pyplot as plt
                for figure in range(3):
                    print('drawing', figure)
                    plt.figure(figsize=(2 + figure, 1)); plt.plot([2, 1])
                print('showing')
                plt.show()
                plt.show()
                print('shown')
                """);

        assertEquals(
                "drawing 0\ndrawing 1\ndrawing 2\nshowing\n[Figure 1][Figure 2][Figure 3]shown\n",
                outcome.transcript().stdoutAndFigures());
        List<Figure> figures = outcome.transcript().figures();
        assertEquals(
                300,
                ImageIO.read(new ByteArrayInputStream(figures.get(1).png())).getWidth());
    }

    @Test
    void aPythonTheProgramStartsDrawsToFilesOnly() throws Exception {
        Outcome outcome = runWithinLimits("""
                import subprocess, sys
                code = 'import matplotlib; print(matplotlib.get_backend())'
                print(subprocess.run([sys.executable, '-c', code], capture_output=True, text=True).stdout, end='')
                """);

        assertEquals("agg\n", outcome.stdout().toLowerCase(Locale.ROOT), outcome.stderr());
    }

    @Test
    void anImagePrintedAsTextStaysText() throws Exception {
        Outcome outcome = runWithinLimits("""
                import io, sys, matplotlib.pyplot as plt
                plt.plot([1, 2])
                png = io.BytesIO()
                plt.savefig(png, format='png')
                sys.stdout.buffer.write(png.getvalue())
                print()
                print('<img src=x onerror=alert(1)>')
                """);

        assertEquals(List.of(), outcome.transcript().figures());
        assertTrue(outcome.stdout().contains("PNG"), outcome.stdout());
        assertTrue(outcome.stdout().endsWith("\n<img src=x onerror=alert(1)>\n"), outcome.stdout());
    }

    @Test
    void aForgedFigureThatIsNoPngIsNotShown() throws Exception {
        Outcome outcome = runWithinLimits("""
                import os, struct, pyroom_plots
                markup = b'<b>bold</b>'
                os.write(pyroom_plots.FIGURE_FD, struct.pack('>I', len(markup)) + markup)
                """);

        assertEquals(List.of(), outcome.transcript().figures());
        assertEquals("Figure 1 is not shown: it is not a PNG image.\n", outcome.stderr());
    }

    @Test
    void aFigureTooLargeIsNotShownAndTheRunGoesOn() throws Exception {
        Outcome outcome = runWithinLimits("""
                import numpy as np, matplotlib.pyplot as plt
                # Noise does not compress: 700 x 700 pixels are about 1.5 MB of PNG.
                figure = plt.figure(figsize=(7, 7), dpi=100)
                figure.figimage(np.random.default_rng(1).integers(0, 256, (700, 700, 3), dtype=np.uint8))
                plt.show()
                print('still running')
                """);

        assertEquals(RunEnding.EXITED, outcome.result().ending(), outcome.stderr());
        assertEquals(List.of(), outcome.transcript().figures());
        assertTrue(outcome.stderr().contains("Figure 1 is not shown: it is larger than 1 MiB"), outcome.stderr());
        assertEquals("still running\n", outcome.stdout());
    }

    private Outcome runWithinLimits(String program) throws Exception {
        return run(program, LIMITS);
    }
}
