package io.sessionflow.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * One event per line, the record value byte for byte: the published JSON is already one line, and not
 * re-serializing it means the file shows exactly what consumers received.
 */
final class JsonLinesSink implements ReplaySink {
    private final OutputStream out;

    JsonLinesSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(ReplayRecord record) {
        try {
            out.write(record.record().value());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
