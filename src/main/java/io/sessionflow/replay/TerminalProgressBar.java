package io.sessionflow.replay;

import java.io.PrintStream;

/** One line redrawn in place with a carriage return, at most ten times a second. */
final class TerminalProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final String label;
    private final PrintStream out;
    private final ProgressMeter meter = new ProgressMeter();
    private long lastDrawNanos;

    TerminalProgressBar(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    @Override
    public void begin(long offsets) {
        meter.total(offsets);
        draw();
    }

    @Override
    public void advance(long offsets, long records) {
        meter.add(offsets, records);
        if (System.nanoTime() - lastDrawNanos > 100_000_000L) {
            draw();
        }
    }

    @Override
    public void end() {
        draw();
        out.println();
    }

    private void draw() {
        lastDrawNanos = System.nanoTime();
        int filled = (int) Math.round(meter.fraction() * WIDTH);
        out.printf(
                "\r%s [%s%s] %3.0f%% %d records  %.0f rec/s  ETA %s ",
                label,
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                meter.fraction() * 100,
                meter.records(),
                meter.ratePerSecond(),
                meter.eta());
        out.flush();
    }
}
