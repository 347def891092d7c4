package io.sessionflow.replay;

import java.io.PrintStream;

/** Without a terminal a redrawn bar is noise in a log: one full line every five seconds, and one at the end. */
final class PlainProgressLines implements Progress {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private final String label;
    private final PrintStream out;
    private final ProgressMeter meter = new ProgressMeter();
    private long lastLineNanos = System.nanoTime();

    PlainProgressLines(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    @Override
    public void begin(long offsets) {
        meter.total(offsets);
        out.println(label + ": " + offsets + " offsets to read (records and transaction markers)");
    }

    @Override
    public void advance(long offsets, long records) {
        meter.add(offsets, records);
        if (System.nanoTime() - lastLineNanos > EVERY_NANOS) {
            lastLineNanos = System.nanoTime();
            line();
        }
    }

    @Override
    public void end() {
        line();
    }

    private void line() {
        out.printf("%s: %d records (%.0f%%), %.0f rec/s, ETA %s%n", label, meter.records(),
                meter.fraction() * 100, meter.ratePerSecond(), meter.eta());
    }
}
