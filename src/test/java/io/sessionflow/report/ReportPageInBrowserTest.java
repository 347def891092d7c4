package io.sessionflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.replay.Progress;
import io.sessionflow.testing.Ci;
import io.sessionflow.testing.SharedKafka;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real headless Chromium, opened from disk with networking off: it parses, shows the four
 * charts, and every number drawn equals the CSV beside it. Skipped with a message when Chromium is not installed
 * ({@code apt-get install -y chromium}), except in CI, where that fails ({@link Ci}).
 */
class ReportPageInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern BAR = Pattern.compile(
            "<rect class=\"bar\" data-category=\"([^\"]*)\" data-series=\"([^\"]*)\" data-value=\"(\\d+)\"");
    private static final Pattern POINT = Pattern.compile(
            "<circle class=\"point\" data-time=\"([^\"]*)\" data-value=\"(\\d+)\"");

    @TempDir
    static Path dir;
    private static Path page;

    @BeforeAll
    static void writeReport() throws IOException {
        Ci.require(Files.isExecutable(CHROMIUM),
                "/usr/bin/chromium is absent; install it with: apt-get update && apt-get install -y chromium");
        page = new Report(SharedKafka.bootstrapServers()).write(ReportScenario.publish(), ReportScenario.publishWatermarks(),
                ReportScenario.RANGE,
                dir.resolve("report"), Progress.none());
    }

    @Test
    void browserShowsFourChartsWhoseNumbersMatchTheCsv() throws Exception {
        String dom = chromium("--dump-dom", page.toUri().toString());

        assertThat(chart(dom, "sessions-per-day")).isNotEmpty();
        assertThat(count(dom, "<svg class=\"chart\"")).isEqualTo(4);

        Map<String, String> perDay = new TreeMap<>();
        bars(chart(dom, "sessions-per-day")).stream().filter(b -> !b[2].equals("0"))
                .forEach(b -> perDay.put(b[0] + "," + b[1], b[2]));
        assertThat(perDay).isEqualTo(csvAsMap(ReportCsv.SESSIONS_PER_DAY, 2));

        Map<String, Integer> histogramFromCsv = new TreeMap<>();
        for (String[] row : csvRows(ReportCsv.DURATIONS)) {
            histogramFromCsv.merge(row[4], 1, Integer::sum);
        }
        Map<String, Integer> histogramDrawn = new TreeMap<>();
        bars(chart(dom, "session-durations")).stream().filter(b -> !b[2].equals("0"))
                .forEach(b -> histogramDrawn.put(b[0], Integer.parseInt(b[2])));
        assertThat(histogramDrawn).isEqualTo(histogramFromCsv);

        Map<String, String> live = new TreeMap<>();
        Matcher m = POINT.matcher(chart(dom, "concurrent-live"));
        while (m.find()) {
            live.put(m.group(1), m.group(2));
        }
        assertThat(live).isEqualTo(csvAsMap(ReportCsv.CONCURRENT, 1));

        Map<String, String> attendance = new TreeMap<>();
        bars(chart(dom, "webinar-attendance")).forEach(b -> attendance.put(b[0], b[2]));
        Map<String, String> attendanceCsv = new TreeMap<>();
        csvRows(ReportCsv.ATTENDANCE).forEach(r -> attendanceCsv.put(r[0], r[2]));
        assertThat(attendance).isEqualTo(attendanceCsv).isNotEmpty();
    }

    @Test
    void screenshotShowsDrawnCharts() throws Exception {
        Path png = dir.resolve("report.png");
        chromium("--screenshot=" + png, "--window-size=1000,1400", page.toUri().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - b) > 60) { // the bars and the line are blue or orange, text is grey
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("coloured pixels of bars and lines").isGreaterThan(500);
    }

    private static String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String chart(String dom, String id) {
        int start = dom.indexOf("data-chart=\"" + id + "\"");
        assertThat(start).as("chart %s in the DOM", id).isPositive();
        return dom.substring(start, dom.indexOf("</svg>", start));
    }

    private static List<String[]> bars(String svg) {
        List<String[]> out = new ArrayList<>();
        Matcher m = BAR.matcher(svg);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return out;
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    /** The first {@code keyColumns} columns joined with commas, mapped to the next one. */
    private static Map<String, String> csvAsMap(String file, int keyColumns) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String[] row : csvRows(file)) {
            out.put(String.join(",", List.of(row).subList(0, keyColumns)), row[keyColumns]);
        }
        return out;
    }

    private static List<String[]> csvRows(String file) throws IOException {
        List<String> lines = Files.readAllLines(page.getParent().resolve(file), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }
}
