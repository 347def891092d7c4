package io.sessionflow.report;

import io.sessionflow.export.SessionSummaries;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TimeRange;
import io.sessionflow.replay.TopicRangeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the events of a range (the same selection as replay: record timestamps, from inclusive, to exclusive),
 * folds them per session and writes index.html with the charts and one CSV per chart into a folder.
 */
public final class Report {
    private final TopicRangeReader reader;

    public Report(String bootstrap) {
        this.reader = new TopicRangeReader(bootstrap);
    }

    /** @return the page written */
    public Path write(String eventsTopic, TimeRange range, Path dir, Progress progress) throws IOException {
        SessionSummaries sessions = new SessionSummaries();
        long[] events = {0};
        reader.read(eventsTopic, range, progress, record -> {
            if (sessions.add(record.value(), record.timestamp())) {
                events[0]++;
            }
        });
        ReportFigures figures = ReportFigures.of(List.copyOf(sessions.all()), range.to());
        Files.createDirectories(dir);
        write(dir.resolve(ReportCsv.SESSIONS_PER_DAY), ReportCsv.sessionsPerDay(figures));
        write(dir.resolve(ReportCsv.DURATIONS), ReportCsv.durations(figures));
        write(dir.resolve(ReportCsv.CONCURRENT), ReportCsv.concurrent(figures));
        write(dir.resolve(ReportCsv.ATTENDANCE), ReportCsv.attendance(figures));
        Path page = dir.resolve("index.html");
        write(page, ReportPage.html(figures, range.from(), range.to(), events[0]));
        return page;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
