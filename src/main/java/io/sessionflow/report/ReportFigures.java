package io.sessionflow.report;

import io.sessionflow.export.SessionSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's four figures, computed from the sessions seen in the range. Every list is sorted, so the same
 * events always give the same files.
 */
record ReportFigures(List<DayCount> sessionsPerDay, List<Duration> durations, List<LiveCount> concurrentLive,
                     List<Attendance> webinarAttendance) {

    /** Duration buckets of the histogram, in minutes: [0,15), [15,30), [30,60), [60,120), [120,∞). */
    static final List<Integer> BUCKET_MINUTES = List.of(0, 15, 30, 60, 120);

    record DayCount(LocalDate day, String system, int sessions) {
    }

    record Duration(String system, String sessionId, String title, long seconds) {
    }

    record LiveCount(Instant time, int live) {
    }

    record Attendance(String sessionId, String title, int participants) {
    }

    /** @param until the end of the report range: sessions still live then count as live up to it */
    static ReportFigures of(List<SessionSummary> sessions, Instant until) {
        List<SessionSummary> sorted = sessions.stream()
                .sorted(Comparator.comparing(SessionSummary::system).thenComparing(SessionSummary::sessionId)
                        .thenComparing(SessionSummary::account)).toList();
        return new ReportFigures(perDay(sorted), durations(sorted), concurrent(sorted, until), attendance(sorted));
    }

    /** Sessions that started, by UTC day of their start. */
    private static List<DayCount> perDay(List<SessionSummary> sessions) {
        Map<LocalDate, Map<String, Integer>> counts = new TreeMap<>();
        for (SessionSummary s : sessions) {
            if (s.startedAt() != null) {
                counts.computeIfAbsent(s.startedAt().atZone(ZoneOffset.UTC).toLocalDate(), d -> new TreeMap<>())
                        .merge(s.system(), 1, Integer::sum);
            }
        }
        List<DayCount> out = new ArrayList<>();
        counts.forEach((day, bySystem) -> bySystem.forEach((system, n) -> out.add(new DayCount(day, system, n))));
        return out;
    }

    private static List<Duration> durations(List<SessionSummary> sessions) {
        return sessions.stream().filter(s -> s.endedAt() != null && s.duration() != null)
                .map(s -> new Duration(s.system(), s.sessionId(), s.title(), s.duration())).toList();
    }

    /** The number of live sessions after each start or end, in time order; a start and an end at once net out. */
    private static List<LiveCount> concurrent(List<SessionSummary> sessions, Instant until) {
        Map<Instant, Integer> deltas = new TreeMap<>();
        for (SessionSummary s : sessions) {
            if (s.startedAt() == null) {
                continue;
            }
            Instant end = s.endedAt() != null ? s.endedAt() : until;
            if (end.isAfter(s.startedAt())) {
                deltas.merge(s.startedAt(), 1, Integer::sum);
                deltas.merge(end, -1, Integer::sum);
            }
        }
        List<LiveCount> out = new ArrayList<>();
        int live = 0;
        for (Map.Entry<Instant, Integer> d : deltas.entrySet()) {
            live += d.getValue();
            out.add(new LiveCount(d.getKey(), live));
        }
        return out;
    }

    private static List<Attendance> attendance(List<SessionSummary> sessions) {
        return sessions.stream().filter(s -> s.system().equals("webinar") && s.startedAt() != null)
                .map(s -> new Attendance(s.sessionId(), s.title(), s.participants())).toList();
    }

    /** Sessions per duration bucket, in {@link #BUCKET_MINUTES} order. */
    List<Integer> durationHistogram() {
        int[] counts = new int[BUCKET_MINUTES.size()];
        for (Duration d : durations) {
            counts[bucketOf(d.seconds())]++;
        }
        return java.util.Arrays.stream(counts).boxed().toList();
    }

    static int bucketOf(long seconds) {
        int bucket = 0;
        for (int i = 0; i < BUCKET_MINUTES.size(); i++) {
            if (seconds >= BUCKET_MINUTES.get(i) * 60L) {
                bucket = i;
            }
        }
        return bucket;
    }

    static String bucketLabel(int i) {
        int lo = BUCKET_MINUTES.get(i);
        return i + 1 < BUCKET_MINUTES.size() ? lo + "–" + BUCKET_MINUTES.get(i + 1) + " min" : "≥" + lo + " min";
    }
}
