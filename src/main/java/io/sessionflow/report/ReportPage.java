package io.sessionflow.report;

import io.sessionflow.report.ReportFigures.DayCount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no network, so it opens from disk
 * in any browser and can be mailed or archived as is.
 */
final class ReportPage {
    private static final String STYLE = """
            body{font:14px system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}
            section{border-top:1px solid #ddd}svg.chart{display:block;margin:.5em 0}
            .legend span{margin-right:1em}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
            .empty{color:#888;font-style:italic}a{color:#4e79a7}
            table.completeness{border-collapse:collapse}table.completeness td,table.completeness th{padding:2px 8px;text-align:left}
            tr.down td{background:#fde2e1}tr.no-sessions td{color:#666}
            """;

    private ReportPage() {
    }

    static String html(ReportFigures f, Instant from, Instant to, long events) {
        return html(f, null, from, to, events);
    }

    /** @param completeness null when the cluster has no watermarks topic */
    static String html(ReportFigures f, Completeness completeness, Instant from, Instant to, long events) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sessionflow report</h1><p>Events with record time from <b>").append(from)
                .append("</b> (inclusive) to <b>").append(to).append("</b> (exclusive): <span id=\"event-count\">")
                .append(events).append("</span> events.</p>");
        body.append(section("sessions-per-day", "Sessions per system per day",
                "Sessions that started, by UTC day of their start.", sessionsPerDay(f), ReportCsv.SESSIONS_PER_DAY,
                f.sessionsPerDay().isEmpty()));
        body.append(section("session-durations", "Session durations",
                "Ended sessions by duration, from their start to their end.", durations(f), ReportCsv.DURATIONS,
                f.durations().isEmpty()));
        body.append(section(
                "concurrent-live",
                "Concurrent live sessions",
                "Sessions started and not yet ended, after each change; still live at the end of the range counts up"
                        + " to it.",
                StepChart.svg("concurrent-live", f.concurrentLive(), from, to),
                ReportCsv.CONCURRENT,
                f.concurrentLive().isEmpty()));
        body.append(section("webinar-attendance", "Webinar attendance",
                "Distinct participants who joined each started webinar session (by session id).", attendance(f),
                ReportCsv.ATTENDANCE, f.webinarAttendance().isEmpty()));
        body.append(completeness == null
                ? "<section id=\"completeness\"><h2>Completeness</h2><p class=\"empty\">No watermarks topic: when "
                        + "sources were down is not known for this data.</p></section>"
                : section("completeness", "Completeness",
                        "Per system and account: <b>down</b> when no watermark advanced for more than "
                                + Completeness.INTERVALS + " poll intervals (the source failed, or nothing ran it: "
                                + "sessions of that period may be missing), <b>no sessions</b> when watermarks "
                                + "advanced and no session was live (known to be quiet).",
                        completenessTable(completeness), ReportCsv.COMPLETENESS, completeness.periods().isEmpty()));
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sessionflow report</title>"
                + "<style>" + STYLE + "</style></head><body>" + body + "</body></html>\n";
    }

    private static String section(String id, String title, String explanation, String chart, String csv,
                                  boolean empty) {
        return "<section id=\"" + id + "\"><h2>" + title + "</h2><p>" + explanation + " Data: <a href=\"" + csv
                + "\">" + csv + "</a></p>" + (empty ? "<p class=\"empty\">No data in this range.</p>" : "") + chart
                + "</section>";
    }

    private static String completenessTable(Completeness c) {
        if (c.periods().isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<table class=\"completeness\"><tr><th>system</th><th>account</th>"
                + "<th>from</th><th>to</th><th>state</th></tr>");
        for (Completeness.Period p : c.periods()) {
            t.append("<tr class=\"").append(p.state()).append("\"><td>").append(Html.escape(p.system()))
                    .append("</td><td>").append(Html.escape(p.account())).append("</td><td>").append(p.from())
                    .append("</td><td>").append(p.to()).append("</td><td>")
                    .append(p.state().equals(Completeness.DOWN) ? "down" : "no sessions").append("</td></tr>");
        }
        return t.append("</table>").toString();
    }

    private static String sessionsPerDay(ReportFigures f) {
        List<LocalDate> days = new ArrayList<>(new TreeSet<>(f.sessionsPerDay().stream().map(DayCount::day).toList()));
        List<String> systems = new ArrayList<>(
                new TreeSet<>(f.sessionsPerDay().stream().map(DayCount::system).toList()));
        int[][] values = new int[days.size()][systems.size()];
        for (DayCount d : f.sessionsPerDay()) {
            values[days.indexOf(d.day())][systems.indexOf(d.system())] = d.sessions();
        }
        return BarChart.legend(systems)
                + BarChart.svg("sessions-per-day", days.stream().map(LocalDate::toString).toList(), systems, values);
    }

    private static String durations(ReportFigures f) {
        List<Integer> histogram = f.durationHistogram();
        List<String> buckets = new ArrayList<>();
        int[][] values = new int[histogram.size()][1];
        for (int i = 0; i < histogram.size(); i++) {
            buckets.add(ReportFigures.bucketLabel(i));
            values[i][0] = histogram.get(i);
        }
        return BarChart.svg("session-durations", buckets, List.of("sessions"), values);
    }

    private static String attendance(ReportFigures f) {
        int[][] values = f.webinarAttendance().stream().map(a -> new int[] {a.participants()}).toArray(int[][]::new);
        return BarChart.svg("webinar-attendance",
                f.webinarAttendance().stream().map(ReportFigures.Attendance::sessionId).toList(),
                List.of("participants"), values);
    }
}
