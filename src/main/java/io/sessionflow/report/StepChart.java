package io.sessionflow.report;

import io.sessionflow.report.ReportFigures.LiveCount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A step line as inline SVG: the count holds until the next change. Each change is a point with its numbers. The
 * time axis spans the data (within the requested range), so an open range such as the default "from the beginning
 * to now" does not squash the changes into a sliver at one edge.
 */
final class StepChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int BOTTOM = 40;
    private static final int TOP = 20;

    private StepChart() {
    }

    static String svg(String id, List<LiveCount> points, Instant rangeFrom, Instant rangeTo) {
        int max = Math.max(1, points.stream().mapToInt(LiveCount::live).max().orElse(1));
        Instant from = points.isEmpty() ? rangeFrom : points.get(0).time();
        Instant to = points.isEmpty() ? rangeTo : points.get(points.size() - 1).time();
        if (!to.isAfter(from)) {
            // one change: an hour of axis, so the point sits at the start of a readable line
            to = from.plusSeconds(3600);
        }
        long t0 = from.toEpochMilli();
        double span = Math.max(1, to.toEpochMilli() - t0);
        int baseline = HEIGHT - BOTTOM;
        double yScale = (HEIGHT - TOP - BOTTOM) / (double) max;
        StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "M%d %d", LEFT, baseline));
        StringBuilder dots = new StringBuilder();
        double lastY = baseline;
        for (LiveCount p : points) {
            double x = LEFT + (p.time().toEpochMilli() - t0) / span * (WIDTH - LEFT - 10);
            double y = baseline - p.live() * yScale;
            path.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x, lastY, x, y));
            dots.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"point\" data-time=\"%s\" data-value=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\""
                            + " fill=\"#e15759\"><title>%s: %d live</title></circle>",
                    p.time(),
                    p.live(),
                    x,
                    y,
                    p.time(),
                    p.live()));
            lastY = y;
        }
        path.append(String.format(Locale.ROOT, " L%d %.1f", WIDTH - 10, lastY));
        return String.format(
                Locale.ROOT,
                "<svg class=\"chart\" data-chart=\"%s\" width=\"%d\" height=\"%d\" role=\"img\"><line x1=\"%d\""
                        + " y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/><text x=\"4\" y=\"%d\""
                        + " font-size=\"11\">%d</text><text x=\"4\" y=\"%d\" font-size=\"11\">0</text><text x=\"%d\""
                        + " y=\"%d\" font-size=\"10\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"10\""
                        + " text-anchor=\"end\">%s</text><path d=\"%s\" fill=\"none\" stroke=\"#4e79a7\""
                        + " stroke-width=\"2\"/>%s</svg>",
                id,
                WIDTH,
                HEIGHT,
                LEFT,
                baseline,
                WIDTH - 10,
                baseline,
                TOP + 4,
                max,
                baseline,
                LEFT,
                baseline + 16,
                from,
                WIDTH - 10,
                baseline + 16,
                to,
                path,
                dots);
    }
}
