package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * Issue #11 item 8: {@code GET /api/v1/runs} lists the runs newest first, filtered by type and status, in the one
 * page shape of the API; a run asked for while another is going is refused with a 409 that names that run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.demo.dossiers=200",
            "dvcsync.demo.portal-history=false",
            "dvcsync.population.max-lookups-per-run=0",
            "dvcsync.report-dir=target/test-reports/run-list"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunListApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    Run incremental;
    Run reconcile;

    @BeforeAll
    void twoRuns() {
        incremental = runs.execute(RunType.INCREMENTAL);
        reconcile = runs.execute(RunType.RECONCILE);
    }

    @Test
    @Order(1)
    void theRunsNewestFirstFilteredByTypeAndStatusInThePageShape() {
        Map<String, Object> all = get("official", "/api/v1/runs");
        assertThat(all).containsOnlyKeys("items", "page", "size", "total");
        assertThat(ids(all)).containsExactly(reconcile.id(), incremental.id());
        assertThat(all).containsEntry("page", 0).containsEntry("size", 50);

        assertThat(ids(get("official", "/api/v1/runs?type=incremental"))).containsExactly(incremental.id());
        assertThat(ids(get("official", "/api/v1/runs?type=reconcile&status=succeeded")))
                .containsExactly(reconcile.id());
        assertThat(get("official", "/api/v1/runs?status=FAILED")).containsEntry("total", 0);
        Map<String, Object> second = get("official", "/api/v1/runs?size=1&page=1");
        assertThat(ids(second)).containsExactly(incremental.id());

        for (String bad : List.of("?status=DONE", "?type=weekly", "?size=0", "?page=-1")) {
            ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("official", "official-test-pw")
                    .exchange("/api/v1/runs" + bad, HttpMethod.GET, null, JSON);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(bad).containsKey("error");
        }
        assertThat(http.getForEntity("/api/v1/runs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @Order(1)
    void anIncrementalRunWritesASummaryAScriptCanRead() throws IOException {
        JsonNode summary = new ObjectMapper()
                .readTree(Path.of("target/test-reports/run-list", incremental.id(), "summary.json")
                        .toFile());
        assertThat(summary.path("runId").asText()).isEqualTo(incremental.id());
        assertThat(summary.path("type").asText()).isEqualTo("incremental");
        assertThat(summary.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(summary.at("/counts/extracted.dossiers").asLong()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aRunAskedForWhileAnotherIsGoingIsRefusedNamingIt() throws InterruptedException {
        portal.knobs().latency(300, 300); // the run lasts a few seconds: long enough to be asked for another
        String going = runs.start(RunType.RECONCILE);
        ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("admin", "admin-test-pw")
                .exchange("/api/v1/runs", HttpMethod.POST, new HttpEntity<>(Map.of("type", "incremental")), JSON);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (runs.find(going).orElseThrow().status().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        portal.knobs().defaults().ratePerSecond(0);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("error"))
                .startsWith("Run " + going + " (reconcile, started ")
                .contains("is in progress")
                .contains("GET /api/v1/runs/" + going);
    }

    private Map<String, Object> get(String user, String path) {
        ResponseEntity<Map<String, Object>> r =
                http.withBasicAuth(user, user + "-test-pw").exchange(path, HttpMethod.GET, null, JSON);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(m -> (String) m.get("id")).toList();
    }
}
