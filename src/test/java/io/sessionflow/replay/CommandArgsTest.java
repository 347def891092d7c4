package io.sessionflow.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandArgsTest {
    private static final Set<String> OPTIONS = Set.of("from", "to", "system");

    @Test
    void readsInstantsDaysAndLists() {
        CommandArgs a = CommandArgs.parse(new String[] {"--from", "2026-11-20", "--to", "2026-11-20T09:30:00Z",
            "--system", "webinar, seeit"}, OPTIONS);

        assertThat(a.instant("from", null)).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(a.instant("to", null)).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(a.list("system")).containsExactly("webinar", "seeit");
        assertThat(a.list("session")).isEmpty();
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndBadTimes() {
        assertThatThrownBy(() -> CommandArgs.parse(new String[] {"--form", "x"}, OPTIONS))
                .hasMessageStartingWith("unknown option '--form'");
        assertThatThrownBy(() -> CommandArgs.parse(new String[] {"--from"}, OPTIONS))
                .hasMessage("--from needs a value");
        assertThatThrownBy(() -> CommandArgs.parse(new String[] {"--from", "yesterday"}, OPTIONS).instant("from", null))
                .hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> new TimeRange(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z")))
                .hasMessageContaining("must be before");
    }
}
