package io.sessionflow.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as inline SVG: one group per category, one bar per series. Each bar carries its numbers
 * in data attributes and a tooltip, so the page can be checked against the CSV and read without hovering.
 */
final class BarChart {
    private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int BOTTOM = 60;
    private static final int TOP = 20;

    private BarChart() {
    }

    /** @param values values[category][series] */
    static String svg(String id, List<String> categories, List<String> series, int[][] values) {
        int max = 1;
        for (int[] row : values) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        int barWidth = 18;
        int groupWidth = series.size() * barWidth + 16;
        int width = Math.max(320, LEFT + categories.size() * groupWidth + 20);
        double scale = (HEIGHT - TOP - BOTTOM) / (double) max;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" data-chart=\"%s\" width=\"%d\" height=\"%d\" role=\"img\">",
                id, width, HEIGHT));
        int baseline = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                LEFT, baseline, width - 10, baseline));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%d</text>", TOP + 4, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">0</text>", baseline));
        for (int c = 0; c < categories.size(); c++) {
            int x0 = LEFT + 8 + c * groupWidth;
            for (int s = 0; s < series.size(); s++) {
                int v = values[c][s];
                double h = v * scale;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"bar\" data-category=\"%s\" data-series=\"%s\" data-value=\"%d\" x=\"%d\""
                            + " y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                        Html.escape(categories.get(c)),
                        Html.escape(series.get(s)),
                        v,
                        x0 + s * barWidth,
                        baseline - h,
                        barWidth - 2,
                        h,
                        COLORS[s % COLORS.length],
                        Html.escape(categories.get(c)),
                        Html.escape(series.get(s)),
                        v));
                if (v > 0) {
                    svg.append(String.format(Locale.ROOT,
                            "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%d</text>",
                            x0 + s * barWidth + barWidth / 2 - 1, baseline - h - 3, v));
                }
            }
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" transform=\"rotate(30 %d %d)\">%s</text>",
                    x0, baseline + 14, x0, baseline + 14, Html.escape(shorten(categories.get(c)))));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    static String legend(List<String> series) {
        StringBuilder out = new StringBuilder("<p class=\"legend\">");
        for (int s = 0; s < series.size(); s++) {
            out.append(String.format("<span><i style=\"background:%s\"></i>%s</span> ", COLORS[s % COLORS.length],
                    Html.escape(series.get(s))));
        }
        return out.append("</p>").toString();
    }

    private static String shorten(String label) {
        return label.length() > 24 ? label.substring(0, 23) + "…" : label;
    }
}
