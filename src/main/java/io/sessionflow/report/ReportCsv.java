package io.sessionflow.report;

import io.sessionflow.replay.Csv;
import java.util.List;
import java.util.stream.Collectors;

/** The figures as CSV text (RFC 4180, UTF-8, CRLF), one file per chart, with the exact numbers charted. */
final class ReportCsv {
    static final String SESSIONS_PER_DAY = "sessions-per-day.csv";
    static final String DURATIONS = "session-durations.csv";
    static final String CONCURRENT = "concurrent-live.csv";
    static final String ATTENDANCE = "webinar-attendance.csv";
    static final String COMPLETENESS = "completeness.csv";

    private ReportCsv() {
    }

    static String sessionsPerDay(ReportFigures f) {
        return table(List.of("day", "system", "sessions"), f.sessionsPerDay().stream()
                .map(r -> List.of(r.day().toString(), r.system(), String.valueOf(r.sessions()))).toList());
    }

    static String durations(ReportFigures f) {
        return table(List.of("system", "session_id", "title", "duration_seconds", "bucket"), f.durations().stream()
                .map(d -> List.of(d.system(), d.sessionId(), nullToEmpty(d.title()), String.valueOf(d.seconds()),
                        ReportFigures.bucketLabel(ReportFigures.bucketOf(d.seconds())))).toList());
    }

    static String concurrent(ReportFigures f) {
        return table(List.of("time", "live"), f.concurrentLive().stream()
                .map(p -> List.of(p.time().toString(), String.valueOf(p.live()))).toList());
    }

    static String attendance(ReportFigures f) {
        return table(List.of("session_id", "title", "participants"), f.webinarAttendance().stream()
                .map(a -> List.of(a.sessionId(), nullToEmpty(a.title()), String.valueOf(a.participants()))).toList());
    }

    static String completeness(Completeness c) {
        return table(List.of("system", "account", "from", "to", "state"), c.periods().stream()
                .map(p -> List.of(p.system(), p.account(), p.from().toString(), p.to().toString(), p.state())).toList());
    }

    private static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(r -> out.append(line(r)));
        return out.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
