package io.sessionflow.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.EventJson;
import io.sessionflow.source.SourceModules;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.Ci;
import io.sessionflow.testing.ObservePort;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Grafana dashboard and Prometheus rules ask only for what Sessionflow serves: every metric and label
 * they name is on /observe/metrics of a pipeline after a run over the demo's simulated vendors, and promtool accepts
 * the rule file.
 */
class DashboardAndAlertsTest {
    static final Path RULES = Path.of("deploy/prometheus/sessionflow-alerts.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/sessionflow.json");
    /** Labels Prometheus adds to every scraped series: not Sessionflow's to serve. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job");
    private static final Pattern METRIC = Pattern.compile("\\bsessionflow_[a-z_]+\\b");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)\\}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\{\\{\\s*\\$?(?:labels\\.)?\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}"
            + "|\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");

    /** One PromQL expression and the labels its legends or annotations print. */
    private record Query(String where, String expr, Set<String> printed) {
    }

    @Test
    void everyMetricAndLabelTheDashboardAndRulesUseIsServedAfterADemoRun() throws Exception {
        Map<String, Set<String>> served = scrapeAfterADemoRun();
        List<Query> queries = new ArrayList<>(ruleQueries());
        queries.addAll(dashboardQueries());
        assertThat(queries).hasSizeGreaterThan(10);
        for (Query q : queries) {
            Set<String> metrics = new HashSet<>();
            METRIC.matcher(q.expr()).results().forEach(m -> metrics.add(m.group()));
            assertThat(metrics).as("%s names a Sessionflow metric: %s", q.where(), q.expr()).isNotEmpty();
            Set<String> labels = new HashSet<>();
            for (String metric : metrics) {
                assertThat(served).as("%s: %s is served by /observe/metrics", q.where(), metric).containsKey(metric);
                labels.addAll(served.get(metric));
            }
            labels.addAll(TARGET_LABELS);
            Set<String> used = labelsOf(q.expr());
            used.addAll(q.printed());
            assertThat(labels).as("%s: labels %s of %s", q.where(), used, q.expr()).containsAll(used);
        }
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Ci.require(Files.isExecutable(promtool), "/usr/bin/promtool is absent; install Debian's prometheus package: "
                + "apt-get update && apt-get install -y --no-install-recommends prometheus (.ci/run does)");
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", RULES.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 6 rules found");
    }

    /** Every simulated vendor and a webinar.ru with one record it cannot map (a dead letter), until all are ready. */
    private static Map<String, Set<String>> scrapeAfterADemoRun() throws IOException {
        List<DemoVendor> vendors = new ArrayList<>(SourceModules.all().stream()
                .filter(m -> m.system() != WebinarModule.SYSTEM).map(m -> m.demo(0)).toList());
        Instant now = Instant.now();
        // the worlds as the demo has them after its first beat (an iSpring training exists only once its scenario
        // made it; a poll whose every training is unknown fails, and the source is rightly not ready)
        vendors.forEach(v -> v.scenario().tick(now));
        WebinarWorld world = new WebinarWorld();
        world.schedule("Live", now, now.plusSeconds(600));
        world.corrupt(world.schedule("Unreadable", now, now.plusSeconds(600)).id);
        ObservePort observe = ObservePort.free();
        try (WebinarSimulator webinar = new WebinarSimulator(world, "metrics-token")) {
            Map<String, String> settings = new LinkedHashMap<>();
            vendors.forEach(v -> settings.putAll(v.settings()));
            settings.put("sessionflow.webinar.base-url", webinar.baseUrl());
            settings.put("sessionflow.webinar.token", "metrics-token");
            settings.put("sessionflow.webinar.poll-interval", "500ms");
            settings.put("sessionflow.observe.port", String.valueOf(observe.port()));
            try (Pipeline pipeline = Pipeline.start(settings)) {
                String[] last = {""};
                try {
                    return parse(Wait.await("every source ready and a dead letter").atMost(Duration.ofSeconds(90))
                            .until(() -> last[0] = observe.get("/observe/metrics").body(),
                                    DashboardAndAlertsTest::readyWithADeadLetter));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("every source ready and a dead letter within 90 s:\n" + last[0], e);
                }
            }
        } finally {
            vendors.forEach(DemoVendor::close);
        }
    }

    /** Sample name to the label names it carries, from the Prometheus text format. */
    static Map<String, Set<String>> parse(String text) {
        Map<String, Set<String>> served = new HashMap<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Set<String> labels = served.computeIfAbsent(name, n -> new HashSet<>());
            if (brace >= 0 && brace < space) {
                MATCHER.matcher(line.substring(brace + 1, line.lastIndexOf('}'))).results()
                        .forEach(m -> labels.add(m.group(1)));
            }
        }
        return served;
    }

    private static List<Query> ruleQueries() throws IOException {
        List<Query> out = new ArrayList<>();
        for (JsonNode group : new YAMLMapper().readTree(RULES.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                Set<String> printed = new HashSet<>();
                rule.path("annotations").forEach(a -> printed.addAll(templateLabels(a.asText())));
                out.add(new Query("rule " + rule.path("alert").asText(), rule.path("expr").asText(), printed));
            }
        }
        return out;
    }

    private static List<Query> dashboardQueries() throws IOException {
        JsonNode dashboard = EventJson.mapper().readTree(DASHBOARD.toFile());
        List<Query> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                out.add(new Query("panel '" + panel.path("title").asText() + "'", target.path("expr").asText(),
                        templateLabels(target.path("legendFormat").asText())));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String query = variable.path("definition").asText();
            if (query.startsWith("label_values(")) {
                Matcher m = Pattern.compile("label_values\\((.*),\\s*([a-zA-Z_]+)\\)").matcher(query);
                assertThat(m.matches()).as(query).isTrue();
                out.add(new Query("variable $" + variable.path("name").asText(), m.group(1), Set.of(m.group(2))));
            }
        }
        return out;
    }

    /** Labels in grouping clauses and selectors; {@code $system}-style dashboard variables are values, not labels. */
    private static Set<String> labelsOf(String expr) {
        Set<String> labels = new HashSet<>();
        GROUPING.matcher(expr).results().forEach(m -> {
            for (String l : m.group(1).split(",")) {
                if (!l.isBlank()) {
                    labels.add(l.strip());
                }
            }
        });
        SELECTOR.matcher(expr).results().forEach(s -> MATCHER.matcher(s.group(1)).results()
                .forEach(m -> labels.add(m.group(1))));
        return labels;
    }

    private static Set<String> templateLabels(String text) {
        Set<String> labels = new HashSet<>();
        TEMPLATE_LABEL.matcher(text).results().forEach(m -> {
            String label = m.group(1) != null ? m.group(1) : m.group(2);
            if (!label.equals("value")) {
                labels.add(label);
            }
        });
        return labels;
    }

    private static boolean readyWithADeadLetter(String text) {
        boolean allReady = text.lines().filter(l -> l.startsWith("sessionflow_source_ready{")).count()
                == SourceModules.all().size()
                && text.lines().filter(l -> l.startsWith("sessionflow_source_ready{"))
                .allMatch(l -> l.endsWith(" 1.0"));
        boolean deadLettered = text.lines().anyMatch(l -> l.startsWith("sessionflow_dead_letters_total{")
                && l.contains("system=\"webinar\"") && !l.endsWith(" 0.0"));
        return allReady && deadLettered;
    }
}
