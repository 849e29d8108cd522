package vn.schoolguard.internal.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/** A one-line progress bar on standard error, redrawn at most a few times a second. */
final class ProgressBar implements LongConsumer {

    private final PrintWriter err;
    private final String verb;
    private final long total;
    private final long started = System.nanoTime();
    // Drawn only for a person at a terminal, and only once the work has run for a second.
    private final boolean interactive = System.console() != null;
    private long lastDraw;
    private long last;

    /** @param total the expected count, or -1 when unknown (then no bar, just the count) */
    ProgressBar(PrintWriter err, String verb, long total) {
        this.err = err;
        this.verb = verb;
        this.total = total;
    }

    @Override
    public void accept(long done) {
        last = done;
        long now = System.nanoTime();
        if (!interactive || now - started < 1_000_000_000L || now - lastDraw < 250_000_000L) {
            return;
        }
        lastDraw = now;
        draw(done, now);
    }

    /** Draws the final state and ends the line, if anything was drawn. */
    void done() {
        if (lastDraw != 0) {
            draw(last, System.nanoTime());
            err.println();
        }
    }

    private void draw(long done, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String rate = String.format("%,.0f/s", done / seconds);
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, done * width / total);
            err.printf("\r[%s%s] %,d/%,d %s %s", "#".repeat(filled), " ".repeat(width - filled), done, total, verb, rate);
        } else {
            err.printf("\r%,d %s %s", done, verb, rate);
        }
        err.flush();
    }
}
