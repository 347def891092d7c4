package io.sessionflow.replay;

import java.io.PrintStream;

/** Progress of reading a known number of offsets; shown on stderr so stdout and output files stay clean. */
public interface Progress {

    void begin(long total);

    void advance(long offsets);

    void end();

    /** A redrawn bar with rate and ETA on a terminal; a plain line every few seconds in logs and pipes. */
    static Progress forConsole(String label) {
        PrintStream err = System.err;
        return System.console() != null ? new TerminalProgressBar(label, err) : new PlainProgressLines(label, err);
    }

    static Progress none() {
        return new Progress() {
            @Override
            public void begin(long total) {
            }

            @Override
            public void advance(long offsets) {
            }

            @Override
            public void end() {
            }
        };
    }
}
