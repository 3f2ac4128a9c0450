package org.vqasp.cli;

import java.io.PrintStream;
import org.vqasp.core.Progress;

/**
 * A progress bar on stderr, drawn only when stderr is a terminal, at most five times a second:
 * {@code [=========>          ] 1234/3200  38%  acc 99.1%  812/s  ETA 0:02}.
 */
final class TerminalProgress implements Progress, AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private TerminalProgress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    /** Returns a bar when stderr is a terminal, else a listener that ignores everything. */
    static Progress forTerminal(String label) {
        return System.console() != null ? new TerminalProgress(System.err, label) : Progress.NONE;
    }

    /** Ends the line of a bar that was drawn. */
    static void finish(Progress p) {
        if (p instanceof TerminalProgress t) {
            t.close();
        }
    }

    @Override
    public synchronized void update(long done, long total, String detail) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done != total) {
            return;
        }
        lastDraw = now;
        double secs = (now - start) / 1e9;
        StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            sb.append('[').append("=".repeat(filled)).append(filled < WIDTH ? ">" : "")
                    .append(" ".repeat(Math.max(0, WIDTH - filled - 1))).append("] ");
            sb.append(done).append('/').append(total).append(String.format(" %3d%%", 100 * done / total));
        } else {
            sb.append(done);
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append("  ").append(detail);
        }
        if (secs > 0.5) {
            double rate = done / secs;
            sb.append(String.format("  %.0f/s", rate));
            if (total > 0 && rate > 0 && done < total) {
                long eta = (long) ((total - done) / rate);
                sb.append(String.format("  ETA %d:%02d", eta / 60, eta % 60));
            }
        }
        sb.append("   ");
        err.print(sb);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
