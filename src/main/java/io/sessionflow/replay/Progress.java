package io.sessionflow.replay;

import java.io.PrintStream;

/**
 * Progress of reading a known span of offsets; shown on stderr so stdout and output files stay clean. Offsets
 * give the fraction (a topic's span is known up front), records the count shown: transaction markers occupy
 * offsets but are not records.
 */
public interface Progress {

    /** @param offsets the offsets to read, records and transaction markers */
    void begin(long offsets);

    /** @param offsets how far reading moved; @param records how many of those offsets were records */
    void advance(long offsets, long records);

    void end();

    /** A redrawn bar with rate and ETA on a terminal; a plain line every few seconds in logs and pipes. */
    static Progress forConsole(String label) {
        PrintStream err = System.err;
        return System.console() != null ? new TerminalProgressBar(label, err) : new PlainProgressLines(label, err);
    }

    static Progress none() {
        return new Progress() {
            @Override
            public void begin(long offsets) {
            }

            @Override
            public void advance(long offsets, long records) {
            }

            @Override
            public void end() {
            }
        };
    }
}
