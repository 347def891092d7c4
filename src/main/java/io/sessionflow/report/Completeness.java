package io.sessionflow.report;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.export.SessionSummary;
import io.sessionflow.publish.WatermarkRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per account, the periods of the range when its watermark did not advance for longer than {@link #INTERVALS} poll
 * intervals (its source down, or Sessionflow not running it: nothing is known of those periods), and, in the rest,
 * the periods when none of its sessions was live (known to be quiet). Only accounts with a watermark in the range.
 */
record Completeness(List<Period> periods) {
    /** A watermark is due every poll interval; a gap of more than this many intervals is a source down. */
    static final int INTERVALS = 3;
    static final String DOWN = "down";
    static final String NO_SESSIONS = "no-sessions";

    record Period(String system, String account, Instant from, Instant to, String state) {
    }

    static Completeness of(List<WatermarkRecord> marks, List<SessionSummary> sessions, Instant from, Instant to) {
        Map<String, List<WatermarkRecord>> byAccount = new TreeMap<>();
        marks.forEach(m -> byAccount.computeIfAbsent(m.source().toString(), a -> new ArrayList<>()).add(m));
        List<Period> out = new ArrayList<>();
        byAccount.forEach((name, ofAccount) -> {
            SourceAccount account = ofAccount.get(0).source();
            List<Instant[]> up = new ArrayList<>();
            down(account, ofAccount, from, to, out, up);
            List<Instant[]> live = sessions.stream()
                    .filter(s -> s.system().equals(account.system().id()) && s.account().equals(account.account())
                            && s.startedAt() != null)
                    .map(s -> new Instant[] {s.startedAt(), s.endedAt() == null ? to : s.endedAt()})
                    .sorted(Comparator.comparing(p -> p[0])).toList();
            for (Instant[] u : up) {
                quiet(account, u, live, out);
            }
        });
        out.sort(Comparator.comparing(Period::system).thenComparing(Period::account).thenComparing(Period::from));
        return new Completeness(List.copyOf(out));
    }

    /** Adds the account's down periods; collects the rest of the range, where watermarks advanced, into {@code up}. */
    private static void down(SourceAccount account, List<WatermarkRecord> marks, Instant from, Instant to,
                             List<Period> out, List<Instant[]> up) {
        long allowed = INTERVALS * marks.stream().mapToLong(WatermarkRecord::pollIntervalSeconds).max().orElse(1);
        List<Instant> times = new ArrayList<>(marks.stream().map(WatermarkRecord::upTo)
                .filter(t -> !t.isBefore(from) && t.isBefore(to)).sorted().distinct().toList());
        times.add(0, from);
        times.add(to);
        for (int i = 0; i + 1 < times.size(); i++) {
            Instant a = times.get(i);
            Instant b = times.get(i + 1);
            if (b.getEpochSecond() - a.getEpochSecond() > allowed) {
                out.add(new Period(account.system().id(), account.account(), a, b, DOWN));
            } else if (!up.isEmpty() && up.get(up.size() - 1)[1].equals(a)) {
                up.get(up.size() - 1)[1] = b;
            } else {
                up.add(new Instant[] {a, b});
            }
        }
    }

    /** The parts of one period with watermarks advancing when no session of the account was live. */
    private static void quiet(SourceAccount account, Instant[] period, List<Instant[]> live, List<Period> out) {
        Instant cursor = period[0];
        for (Instant[] l : live) {
            if (!l[1].isAfter(cursor) || !l[0].isBefore(period[1])) {
                continue;
            }
            if (l[0].isAfter(cursor)) {
                out.add(new Period(account.system().id(), account.account(), cursor, l[0], NO_SESSIONS));
            }
            cursor = l[1].isAfter(cursor) ? l[1] : cursor;
        }
        if (cursor.isBefore(period[1])) {
            out.add(new Period(account.system().id(), account.account(), cursor, period[1], NO_SESSIONS));
        }
    }
}
