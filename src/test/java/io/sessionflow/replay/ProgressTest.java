package io.sessionflow.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What an operator sees: a bar redrawn in place on a terminal, whole lines in a log. */
class ProgressTest {

    @Test
    void terminalBarRedrawsOneLineWithRateAndEta() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress bar = new TerminalProgressBar("replay", new PrintStream(out, true, StandardCharsets.UTF_8));
        bar.begin(10);
        bar.advance(10);
        bar.end();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\rreplay [").contains("100% 10/10").contains("rec/s").contains("ETA ")
                .endsWith(System.lineSeparator());
        String drawn = text.substring(0, text.length() - System.lineSeparator().length());
        assertThat(drawn).as("redrawn in place, no new line until the end").doesNotContain("\n")
                .contains("\rreplay [##############################] 100%");
    }

    @Test
    void plainLinesStateTotalAndFinalCount() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress lines = new PlainProgressLines("report", new PrintStream(out, true, StandardCharsets.UTF_8));
        lines.begin(4);
        lines.advance(4);
        lines.end();

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .first().isEqualTo("report: 4 records to read");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\r")
                .contains("report: 4/4 records (100%)");
    }
}
