package org.vqasp.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a training command: on a terminal, a bar on standard error redrawn at most four times a second;
 * otherwise a line on standard output every {@code every} steps. A news line ends the bar first.
 */
final class TrainingBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final PrintWriter err;
    private final int every;
    private final boolean terminal = System.console() != null;
    private long lastDraw;
    private boolean drawn;

    TrainingBar(PrintWriter out, PrintWriter err, int every) {
        this.out = out;
        this.err = err;
        this.every = every;
    }

    /** Prints a line of news below the bar. */
    void line(String text) {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
        out.println(text);
        out.flush();
    }

    /**
     * Shows a step.
     *
     * @param text what the step says (loss, speed, ETA)
     * @param step the step, counted over the whole run
     * @param total the run's steps
     * @param force draw even when the bar was drawn less than a quarter of a second ago
     */
    void step(String text, long step, long total, boolean force) {
        if (terminal) {
            long now = System.nanoTime();
            if (force || now - lastDraw > 250_000_000L) {
                lastDraw = now;
                int filled = (int) (WIDTH * step / Math.max(1, total));
                err.print("\r[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + text + "   ");
                err.flush();
                drawn = true;
            }
        } else if (step % every == 0) {
            out.println(text);
            out.flush();
        }
    }

    /** Returns seconds as h:mm:ss. */
    static String time(double seconds) {
        long t = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    }
}
