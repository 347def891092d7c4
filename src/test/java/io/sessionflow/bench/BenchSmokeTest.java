package io.sessionflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.SourceModules;
import io.sessionflow.testing.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bench stage runs at tiny sizes against the test broker and lands in the table. Timings are not
 * asserted: on a shared machine they mean nothing at these sizes.
 */
class BenchSmokeTest {

    @Test
    void everyStageRunsAndTheTableHasItsRows(@TempDir Path dir) throws Exception {
        BenchReport report = BenchCommand.run(SharedKafka.bootstrapServers(), BenchSizes.quick(), "bench --quick");

        assertThat(report.rows()).extracting(BenchRow::measure).doesNotContain("failed");
        assertThat(report.rows()).filteredOn(r -> r.stage().equals("5 feed latency"))
                .extracting(BenchRow::measure).as("one row per push module")
                .hasSize((int) SourceModules.all().stream().filter(m -> m.benchFeed().isPresent()).count())
                .allMatch(m -> m.contains("feed message -> Kafka ack"));
        assertThat(report.rows())
                .extracting(BenchRow::stage)
                .contains(
                        "1 limit",
                        "1b limit, like for like",
                        "2 pipeline",
                        "2b pipeline over HTTP",
                        "3 mapping + diff",
                        "4 scaling",
                        "5 feed latency",
                        "5b transaction floor",
                        "6 replay",
                        "8 churn",
                        "9 peer",
                        "10 request economy",
                        "11 accounts in parallel",
                        "12 idle accounts");
        assertThat(report.rows()).filteredOn(r -> r.stage().equals("3 mapping + diff"))
                .extracting(BenchRow::measure).as("one row per module with bench records")
                .containsExactlyElementsOf(SourceModules.all().stream().filter(m -> m.benchRecords().isPresent())
                        .map(m -> m.system().id()).toList())
                .contains("ispring", "seeit", "storyclm", "webinar");
        assertThat(report.rows()).filteredOn(r -> r.stage().equals("10 request economy"))
                .as("request counts do not depend on timing: the target holds even at quick sizes")
                .extracting(BenchRow::measure, BenchRow::met).as("one row per module with a bench economy")
                .hasSize((int) SourceModules.all().stream().filter(m -> m.benchEconomy().isPresent()).count())
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(t -> assertThat(t.toList().get(1)).isEqualTo(true));
        assertThat(report.markdown()).contains("| stage | measure | result |", "cores: ");
    }

    @Test
    void rewritingKeepsTheTextAroundTheGeneratedTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Benchmarks\n\nintro\n\n" + BenchReport.BEGIN + "\nold table\n" + BenchReport.END
                + "\n\n## Analysis\nkept\n");
        BenchReport report = new BenchReport("- machine");
        report.add(BenchRow.of("1 limit", "raw", "1/s", ""));
        report.finish("0 / 0 / 0", "bench");

        report.writeInto(file);

        String text = Files.readString(file);
        assertThat(text).contains("intro", "## Analysis\nkept", "| 1 limit | raw | 1/s |").doesNotContain("old table");
    }
}
