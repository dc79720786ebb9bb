package vn.dvcsync.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * An operator's Prometheus reads {@code /actuator/prometheus} as ADMIN after a run and finds every metric of the
 * README's table, its values moved by the run; nobody else reads it. The portal and the population service answer
 * some calls with 429 and resets some connections, so that the 429s, the retries and dead letters show.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.demo.dossiers=200",
            // a portal without the city's past: every dossier and step is sent (a first contact would adopt most,
            // and too few calls would be left for a lost answer to make a dead letter in every run)
            "dvcsync.demo.portal-history=false",
            // batches of 10: some 75 step calls, so a reset (15 %) loses a step's answer in every run, not in 9 of 10
            "dvcsync.portal.batch-size=10",
            "dvcsync.metrics.store-refresh=0s",
            "dvcsync.simulator.portal.http429-share=0.3", // about 30 calls: some 429 and a retry in every run
            "dvcsync.simulator.portal.retry-after-seconds=0",
            // a step whose answer is lost is a dead letter with unanswered-steps: fail (the default resends it)
            "dvcsync.portal.unanswered-steps=fail",
            // the faults are the point here: a step push whose answer is lost counts as failed, and the breaker's
            // default 50 % would now and then open and end the run early (as in DeliveryUnderFaultsTest)
            "dvcsync.portal.circuit-breaker.failure-rate-threshold=90",
            "dvcsync.simulator.portal.connection-reset-share=0.15",
            "dvcsync.simulator.population.http429-share=0.2",
            "dvcsync.simulator.population.retry-after-seconds=0"
        })
@ActiveProfiles("test")
// a Spring Boot test exports no metrics unless asked to; the gateway outside tests does
@AutoConfigureObservability(tracing = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    /** A row of the README's metrics table: | `name` | type | labels | what | moves in a run? | */
    private static final Pattern ROW = Pattern.compile("^\\| `(dvcsync_[a-z_]+)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|");

    /** A metric named in an alert rule or a dashboard panel. */
    private static final Pattern METRIC = Pattern.compile("\\b(dvcsync|hikaricp|camel)_[a-z_]+\\b");

    @Autowired
    TestRestTemplate http;

    @Test
    @Order(1) // first: the first run of the demo city is the one that moves everything
    void afterARunEveryDocumentedMetricIsThereAndMoved() throws Exception {
        List<String[]> documented = documentedMetrics();
        assertThat(documented).hasSizeGreaterThanOrEqualTo(10);

        Map<String, Double> before =
                Prometheus.parse(scrape("admin:admin-test-pw").body());
        runIncremental();
        HttpResponse<String> after = scrape("admin:admin-test-pw");
        // what the scrape held, for whoever reads a failure of this test
        Files.writeString(Path.of("target/metrics-after-run.txt"), after.body());
        assertThat(after.statusCode()).isEqualTo(200);
        Map<String, Double> samples = Prometheus.parse(after.body());

        for (String[] metric : documented) {
            String name = metric[0];
            assertThat(Prometheus.series(samples, name))
                    .as("README metric %s in /actuator/prometheus", name)
                    .isNotEmpty();
            if (metric[1].contains("gauge of a state")) {
                continue; // the breaker's state: one series per state, 1 for the state it is in
            }
            assertThat(Prometheus.total(samples, name))
                    .as("README metric %s moved by the run", name)
                    .isNotEqualTo(Prometheus.total(before, name));
        }
        // a few values an operator reads off directly
        assertThat(samples).containsKey("dvcsync_breaker_state{name=\"portal\",state=\"closed\"}");
        assertThat(samples.get("dvcsync_breaker_state{name=\"portal\",state=\"closed\"}"))
                .isEqualTo(1.0);
        assertThat(Prometheus.total(samples, "dvcsync_portal_calls_total", "outcome=\"too_many_requests\""))
                .isPositive();
        assertThat(Prometheus.total(samples, "dvcsync_run_duration_seconds_count", "type=\"incremental\""))
                .isEqualTo(1.0);
        assertThat(samples.get("dvcsync_run_last_success_age_seconds{type=\"incremental\"}"))
                .isLessThan(60.0);
        // Camel's and the pools' own meters are there too
        assertThat(Prometheus.series(samples, "camel_exchanges_total")).isNotEmpty();
        assertThat(Prometheus.series(samples, "hikaricp_connections")).isNotEmpty();
    }

    /**
     * Every metric the alert rules and the dashboard name (the gateway's, HikariCP's and Camel's) is served, so that
     * none of them watches a series that never comes.
     */
    @Test
    @Order(2)
    void theAlertRulesAndTheDashboardNameOnlyMetricsThatAreServed() throws Exception {
        Set<String> served = served();
        if (!served.contains("dvcsync_portal_calls_total")) {
            runIncremental(); // the counters come with the first calls (run alone, this test has had no run)
            served = served();
        }
        for (String file :
                new String[] {"src/deploy/prometheus/alerts.yml", "src/deploy/grafana/dvc-sync-gateway.json"}) {
            Set<String> named = new TreeSet<>();
            Matcher m = METRIC.matcher(Files.readString(Path.of(file)));
            while (m.find()) {
                named.add(m.group());
            }
            assertThat(named).as("metrics named in %s", file).isNotEmpty();
            assertThat(served)
                    .as("metrics of %s served by /actuator/prometheus", file)
                    .containsAll(named);
        }
    }

    private Set<String> served() throws Exception {
        return Prometheus.parse(scrape("admin:admin-test-pw").body()).keySet().stream()
                .map(series -> series.contains("{") ? series.substring(0, series.indexOf('{')) : series)
                .collect(Collectors.toSet());
    }

    @Test
    void onlyAnAdminReadsTheMetrics() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("official:official-test-pw").statusCode()).isEqualTo(403);
    }

    /** Name, type and whether it moves, from the table under "### Metrics" in README.md. */
    static List<String[]> documentedMetrics() throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                inSection = line.equals("### Metrics");
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (inSection && m.find()) {
                rows.add(new String[] {m.group(1), m.group(2).trim()});
            }
        }
        return rows;
    }

    private void runIncremental() throws InterruptedException {
        ResponseEntity<Map<String, Object>> started = http.withBasicAuth("admin", "admin-test-pw")
                .exchange("/api/v1/runs", HttpMethod.POST, new HttpEntity<>(Map.of("type", "incremental")), JSON);
        String id = (String) started.getBody().get("id");
        Map<String, Object> run = Map.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            run = http.withBasicAuth("admin", "admin-test-pw")
                    .exchange("/api/v1/runs/" + id, HttpMethod.GET, null, JSON)
                    .getBody();
            if (!"RUNNING".equals(run.get("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(run).containsEntry("status", "SUCCEEDED");
    }

    private HttpResponse<String> scrape(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/actuator/prometheus"));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text format's samples, by series ({@code name{labels}}). */
    static final class Prometheus {

        static Map<String, Double> parse(String text) {
            Map<String, Double> samples = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
            return samples;
        }

        /** The series of the metric: its own name, or a timer's {@code _count}, {@code _sum} and {@code _max}. */
        static Map<String, Double> series(Map<String, Double> samples, String name) {
            Map<String, Double> found = new LinkedHashMap<>();
            samples.forEach((series, value) -> {
                String sampleName = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
                if (sampleName.equals(name) || sampleName.equals(name + "_count")) {
                    found.put(series, value);
                }
            });
            return found;
        }

        static double total(Map<String, Double> samples, String name, String... labels) {
            return series(samples, name).entrySet().stream()
                    .filter(e ->
                            List.of(labels).stream().allMatch(l -> e.getKey().contains(l)))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
        }
    }
}
