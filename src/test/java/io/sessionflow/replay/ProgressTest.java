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
        bar.advance(10, 10);
        bar.end();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\rreplay [").contains("100% 10 records").contains("rec/s").contains("ETA ")
                .endsWith(System.lineSeparator());
        String drawn = text.substring(0, text.length() - System.lineSeparator().length());
        assertThat(drawn).as("redrawn in place, no new line until the end").doesNotContain("\n")
                .contains("\rreplay [##############################] 100%");
    }

    @Test
    void plainLinesStateTotalAndFinalCount() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress lines = new PlainProgressLines("report", new PrintStream(out, true, StandardCharsets.UTF_8));
        lines.begin(5);
        lines.advance(4, 3);
        lines.advance(1, 0);
        lines.end();

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .first().isEqualTo("report: 5 offsets to read (records and transaction markers)");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\r")
                .as("records counted, markers not; the end is 100%").contains("report: 3 records (100%)");
    }
}
