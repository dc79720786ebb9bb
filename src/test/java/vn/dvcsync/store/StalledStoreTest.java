package vn.dvcsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * issue #9: with the store stalled, {@code POST /runs} and {@code GET /runs/latest} hung and health took 60 s to say
 * DOWN. Here the embedded PostgreSQL (its postmaster and every backend) is stopped with SIGSTOP: the API calls fail
 * within seconds with a one-line error, health says DOWN within about its time-out of 1 s, and once the database goes
 * on (SIGCONT) everything answers again. The time-outs are the defaults but for the request's socket time-out (2 s
 * instead of 5) and the connection time-out (2 s instead of 5), to keep the test short.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.demo.dossiers=200",
            "dvcsync.store.datasource.request-socket-timeout=2s",
            "dvcsync.store.datasource.connection-timeout=2s",
            "dvcsync.city.datasource.connection-timeout=2s"
        })
@ActiveProfiles("test")
@DirtiesContext
class StalledStoreTest {

    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-pw".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate store;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStalledStoreFailsApiCallsInSecondsAndHealthSaysDownAtOnce() throws Exception {
        assertThat(get("/api/v1/runs/latest").statusCode()).isIn(200, 404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        List<Long> postgres = postgresProcesses();

        signal("-STOP", postgres);
        try {
            Thread.sleep(600); // past the pool's window in which a connection is used without a check

            long t0 = System.nanoTime();
            HttpResponse<String> health = get("/actuator/health");
            assertThat(millisSince(t0)).as("health answers").isLessThan(2000);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");

            // the readiness probe takes the instance out of service; the liveness probe leaves it running
            t0 = System.nanoTime();
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(millisSince(t0)).as("readiness answers").isLessThan(2000);
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

            t0 = System.nanoTime();
            HttpResponse<String> latest = get("/api/v1/runs/latest");
            assertThat(millisSince(t0)).as("GET /runs/latest answers").isLessThan(6000);
            assertThat(latest.statusCode()).isEqualTo(503);
            assertThat(latest.body())
                    .isEqualTo("{\"error\":\"The gateway's store is not answering; try again later\"}");

            t0 = System.nanoTime();
            HttpResponse<String> start = http.send(
                    request("/api/v1/runs")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"incremental\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(millisSince(t0)).as("POST /runs answers").isLessThan(6000);
            assertThat(start.statusCode()).isEqualTo(503);
            assertThat(start.body()).isEqualTo("{\"error\":\"The gateway's store is not answering; try again later\"}");

            t0 = System.nanoTime();
            assertThat(get("/actuator/health").statusCode())
                    .as("health while the earlier checks still wait")
                    .isEqualTo(503);
            assertThat(millisSince(t0)).isLessThan(2000);
        } finally {
            signal("-CONT", postgres);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get("/actuator/health").statusCode() != 200
                || get("/api/v1/runs/latest").statusCode() >= 500) {
            assertThat(System.nanoTime())
                    .as("everything answers again within 30 s")
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** The embedded PostgreSQL's postmaster and all its processes. */
    private List<Long> postgresProcesses() {
        long backend = store.queryForObject("select pg_backend_pid()", Long.class);
        ProcessHandle postmaster =
                ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
        assertThat(postmaster.info().command().orElse("")).endsWith("postgres");
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster.pid());
        postmaster.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor()).as("kill " + signal).isZero();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ADMIN)
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
