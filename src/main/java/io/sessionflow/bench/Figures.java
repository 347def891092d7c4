package io.sessionflow.bench;

import java.util.Locale;

/** Number formatting for the table: thousands separated, a fixed number of decimals. */
final class Figures {
    private Figures() {
    }

    static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f/s", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%,.1f ms", value);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1024.0 / 1024.0);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
