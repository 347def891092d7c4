package io.sessionflow.source;

import java.util.Map;

/**
 * A module's simulated vendor for the bench's request-economy row (10): sessions listed, some of which cost requests
 * of their own on every poll, some changing before each poll. The row holds a steady poll's requests against the
 * module's own allowance.
 */
public interface BenchEconomy extends AutoCloseable {

    /** @param costly sessions that cost requests of their own on every poll ({@link EconomyWords#costly} says which) */
    @FunctionalInterface
    interface Start {
        BenchEconomy start(int listed, int costly, int changed);
    }

    /** Account settings (keyed without the prefix) of the first poll, which knows no session yet. */
    Map<String, String> firstPoll();

    /** Account settings of the measured polls; the module's defaults for what they leave out. */
    Map<String, String> steady();

    /** Changes the sessions that change before a poll. */
    void change();

    int requestCount();

    /** List or schedule pages answered so far. */
    int pageCount();

    /** The requests a poll may ask when it asked {@code pages} pages. */
    double allowed(double pages);

    EconomyWords words();

    @Override
    void close();
}
