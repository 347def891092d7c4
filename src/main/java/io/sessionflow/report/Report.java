package io.sessionflow.report;

import io.sessionflow.event.EventJson;
import io.sessionflow.export.SessionSummaries;
import io.sessionflow.publish.WatermarkRecord;
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
 * folds them per session and writes index.html with the charts and one CSV per chart into a folder; with the
 * watermarks of the same range, also when each account's source was down and when it was up but quiet.
 */
public final class Report {
    private final TopicRangeReader reader;

    public Report(String bootstrap) {
        this.reader = new TopicRangeReader(bootstrap);
    }

    /**
     * @param watermarksTopic the completeness watermarks, or null when there are none (data older than them)
     * @return the page written
     */
    public Path write(String eventsTopic, String watermarksTopic, TimeRange range, Path dir, Progress progress)
            throws IOException {
        SessionSummaries sessions = new SessionSummaries();
        long[] events = {0};
        reader.read(eventsTopic, range, progress, record -> {
            if (sessions.add(record.value(), record.timestamp())) {
                events[0]++;
            }
        });
        ReportFigures figures = ReportFigures.of(List.copyOf(sessions.all()), range.to());
        Completeness completeness = watermarksTopic == null ? null : Completeness.of(
                watermarks(watermarksTopic, range), List.copyOf(sessions.all()), range.from(), range.to());
        Files.createDirectories(dir);
        write(dir.resolve(ReportCsv.SESSIONS_PER_DAY), ReportCsv.sessionsPerDay(figures));
        write(dir.resolve(ReportCsv.DURATIONS), ReportCsv.durations(figures));
        write(dir.resolve(ReportCsv.CONCURRENT), ReportCsv.concurrent(figures));
        write(dir.resolve(ReportCsv.ATTENDANCE), ReportCsv.attendance(figures));
        if (completeness != null) {
            write(dir.resolve(ReportCsv.COMPLETENESS), ReportCsv.completeness(completeness));
        }
        Path page = dir.resolve("index.html");
        write(page, ReportPage.html(figures, completeness, range.from(), range.to(), events[0]));
        return page;
    }

    private List<WatermarkRecord> watermarks(String topic, TimeRange range) {
        List<WatermarkRecord> marks = new java.util.ArrayList<>();
        reader.read(topic, range, Progress.none(), record -> {
            try {
                marks.add(EventJson.mapper().readValue(record.value(), WatermarkRecord.class));
            } catch (IOException | RuntimeException notAWatermark) {
                // a record another writer put there says nothing about completeness
            }
        });
        return marks;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
