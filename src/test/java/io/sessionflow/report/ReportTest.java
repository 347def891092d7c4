package io.sessionflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.export.SessionSummaries;
import io.sessionflow.replay.Progress;
import io.sessionflow.testing.SharedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's figures from events on the real broker, checked as the CSV files a reader gets. */
class ReportTest {

    @Test
    void csvFilesHoldTheFiguresOfTheRange(@TempDir Path dir) throws IOException {
        String topic = ReportScenario.publish();
        String watermarks = ReportScenario.publishWatermarks();

        Path page = new Report(SharedKafka.bootstrapServers()).write(topic, watermarks, ReportScenario.RANGE, dir,
                Progress.none());

        assertThat(page).exists();
        assertThat(csv(dir, ReportCsv.SESSIONS_PER_DAY)).isEqualTo("""
                day,system,sessions
                2026-11-20,webinar,2
                2026-11-21,seeit,1
                """);
        assertThat(csv(dir, ReportCsv.DURATIONS)).isEqualTo("""
                system,session_id,title,duration_seconds,bucket
                seeit,s1,Session s1,600,0–15 min
                webinar,w1,Session w1,3600,60–120 min
                """);
        assertThat(csv(dir, ReportCsv.CONCURRENT)).as("w2 is still live at the end of the range").isEqualTo("""
                time,live
                2026-11-20T09:00:00Z,1
                2026-11-20T09:30:00Z,2
                2026-11-20T10:00:00Z,1
                2026-11-21T12:00:00Z,2
                2026-11-21T12:10:00Z,1
                2026-11-22T00:00:00Z,0
                """);
        assertThat(csv(dir, ReportCsv.ATTENDANCE)).as("Ann joined twice and counts once").isEqualTo("""
                session_id,title,participants
                w1,Session w1,2
                w2,Session w2,1
                """);
        assertThat(csv(dir, ReportCsv.COMPLETENESS)).as("webinar.ru down 12:00-15:00 on the 20th and quiet before "
                + "its first session; Seeit without a watermark on the 20th, then quiet around its one session")
                .isEqualTo("""
                system,account,from,to,state
                seeit,default,2026-11-20T00:00:00Z,2026-11-21T00:00:00Z,down
                seeit,default,2026-11-21T00:00:00Z,2026-11-21T12:00:00Z,no-sessions
                seeit,default,2026-11-21T12:10:00Z,2026-11-22T00:00:00Z,no-sessions
                webinar,default,2026-11-20T00:00:00Z,2026-11-20T09:00:00Z,no-sessions
                webinar,default,2026-11-20T12:00:00Z,2026-11-20T15:00:00Z,down
                """);
        assertThat(Files.readString(page)).contains("<tr class=\"down\"><td>webinar</td><td>default</td>"
                + "<td>2026-11-20T12:00:00Z</td><td>2026-11-20T15:00:00Z</td><td>down</td></tr>");
        assertThat(Files.readString(page))
                .doesNotContain("<script")
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void vendorTextOnThePageIsEscaped() {
        SessionSummaries hostile = new SessionSummaries();
        hostile.add(("{\"type\":\"sessionflow.session.started\",\"time\":\"" + ReportScenario.DAY1.plusSeconds(60)
                + "\",\"data\":{\"system\":\"webinar\",\"sessionId\":\"<img src=x onerror=alert(1)>\"}}")
                .getBytes(StandardCharsets.UTF_8), ReportScenario.DAY1.toEpochMilli());
        ReportFigures figures = ReportFigures.of(List.copyOf(hostile.all()), ReportScenario.RANGE.to());

        String html = ReportPage.html(figures, ReportScenario.RANGE.from(), ReportScenario.RANGE.to(), 1);

        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    private static String csv(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name)).replace("\r\n", "\n");
    }
}
