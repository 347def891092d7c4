package io.sessionflow.report;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TimeRange;
import io.sessionflow.replay.TopicRangeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, SessionFacts> sessions = new LinkedHashMap<>();
        long[] events = {0};
        reader.read(eventsTopic, range, progress, record -> {
            SessionEvent e;
            try {
                e = EventJson.parse(record.value());
            } catch (IllegalArgumentException notAnEvent) {
                return;
            }
            events[0]++;
            // one session's events share a key and so a partition: they arrive here in published order
            sessions.computeIfAbsent(e.kafkaKey(), k -> new SessionFacts(e.data().system().id(), e.subject())).add(e);
        });
        ReportFigures figures = ReportFigures.of(sessions.values().stream().toList(), range.to());
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
