package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.ledger.Claimed;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.ledger.LedgerEntry;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * Dead letters as an admin meets them: a portal failing every call turns the pushed dossiers into dead
 * letters; the admin lists and filters them, replays one, then a unit, then the rest; each replay is a run
 * in the history, replaying twice changes nothing, and every dossier ends on the portal exactly once. Then a
 * progress step an instance left unconfirmed (it stopped with the step in flight) is a dead letter saying what to
 * do, and its replay delivers it once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.portal.unanswered-steps=fail",
            "dvcsync.demo.dossiers=200",
            "dvcsync.demo.portal-history=false",
            "dvcsync.portal.batch-size=10",
            "dvcsync.portal.retry.max-attempts=1",
            "dvcsync.portal.circuit-breaker.minimum-calls=1000",
            "dvcsync.portal.circuit-breaker.sliding-window=1000",
            "dvcsync.ledger.max-attempts=1",
            "dvcsync.population.max-lookups-per-run=0"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    JdbcTemplate store;

    @Autowired
    Ledger ledger;

    long deadLetters;

    @BeforeAll
    void everyPushFails() {
        portal.knobs().error5xxShare(1.0);
        runs.execute(RunType.INCREMENTAL);
        portal.knobs().defaults().ratePerSecond(0);
        deadLetters = store.queryForObject("select count(*) from ledger where status = 'FAILED'", Long.class);
        assertThat(deadLetters).isGreaterThan(100);
        assertThat(portal.dossierCount()).isZero();
    }

    @Test
    @Order(1)
    void anAdminListsAndFiltersDeadLetters() {
        Map<String, Object> all = get("/api/v1/dead-letters?size=500");
        assertThat(((Number) all.get("total")).longValue()).isEqualTo(deadLetters);
        List<Map<String, Object>> items = items(all);
        assertThat(items).hasSize((int) deadLetters).allSatisfy(item -> {
            assertThat(item).containsEntry("recordType", "DOSSIER").containsEntry("attempts", 1);
            assertThat((String) item.get("lastError"))
                    .contains("gave up after 1 attempts")
                    .containsPattern("HTTP 50[234]");
        });

        String unit = (String) items.get(0).get("unitCode");
        long ofUnit = items.stream().filter(i -> unit.equals(i.get("unitCode"))).count();
        Map<String, Object> byUnit = get("/api/v1/dead-letters?unit=" + unit);
        assertThat(((Number) byUnit.get("total")).longValue()).isEqualTo(ofUnit);
        assertThat(items(byUnit)).allSatisfy(i -> assertThat(i).containsEntry("unitCode", unit));

        assertThat(get("/api/v1/dead-letters?type=step").get("total")).isEqualTo(0);
        assertThat(get("/api/v1/dead-letters?error=http 50").get("total")).isEqualTo((int) deadLetters);
        assertThat(get("/api/v1/dead-letters?error=connection refused").get("total"))
                .isEqualTo(0);

        Map<String, Object> page = get("/api/v1/dead-letters?page=1&size=7");
        assertThat(items(page)).hasSize(7);
        assertThat(page).containsEntry("page", 1).containsEntry("size", 7);
        assertThat(items(page).get(0).get("id")).isEqualTo(items.get(7).get("id"));
    }

    @Test
    @Order(2)
    void onlyAnAdminSeesThem() {
        assertThat(http.withBasicAuth("official", "official-test-pw")
                        .getForEntity("/api/v1/dead-letters", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/v1/dead-letters", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin().getForEntity("/api/v1/dead-letters?type=letter", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().exchange("/api/v1/runs", HttpMethod.POST, new HttpEntity<>(Map.of("type", "replay")), JSON)
                        .getStatusCode())
                .as("replay is no type of POST /api/v1/runs")
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @Order(3)
    void replayingOneDeliversItAndReplayingItAgainChangesNothing() throws Exception {
        Map<String, Object> first = items(get("/api/v1/dead-letters?size=1")).get(0);
        long id = ((Number) first.get("id")).longValue();
        String key = (String) first.get("recordKey");

        Map<String, Object> run = finished(post("/api/v1/dead-letters/" + id + "/replay"));
        assertThat(run).containsEntry("type", "replay").containsEntry("status", "SUCCEEDED");
        assertThat(counts(run)).containsEntry("replayed.records", 1).containsEntry("run.dossier.delivered", 1);
        assertThat(portal.writes(key)).isEqualTo(1);
        assertThat(get("/api/v1/dead-letters").get("total")).isEqualTo((int) deadLetters - 1);

        Map<String, Object> again = finished(post("/api/v1/dead-letters/" + id + "/replay"));
        assertThat(again).containsEntry("status", "SUCCEEDED");
        assertThat(counts(again)).doesNotContainKey("replayed.records");
        assertThat(portal.writes(key)).isEqualTo(1);

        assertThat(admin().exchange("/api/v1/dead-letters/999999999/replay", HttpMethod.POST, null, JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(4)
    void replayingAUnitAndThenTheRestDeliversEveryDossierOnce() throws Exception {
        String unit = (String) items(get("/api/v1/dead-letters?size=1")).get(0).get("unitCode");
        long ofUnit = ((Number) get("/api/v1/dead-letters?unit=" + unit).get("total")).longValue();

        Map<String, Object> byUnit = finished(post("/api/v1/dead-letters/replay?unit=" + unit));
        assertThat(counts(byUnit)).containsEntry("replayed.records", (int) ofUnit);
        assertThat(get("/api/v1/dead-letters?unit=" + unit).get("total")).isEqualTo(0);

        Map<String, Object> rest = finished(post("/api/v1/dead-letters/replay"));
        assertThat(rest).containsEntry("status", "SUCCEEDED");
        assertThat(get("/api/v1/dead-letters").get("total")).isEqualTo(0);

        List<String> delivered = store.queryForList(
                "select record_key from ledger where record_type = 'DOSSIER' and status = 'DELIVERED'", String.class);
        long refused = store.queryForObject(
                "select count(*) from ledger where record_type = 'DOSSIER' and status = 'QUARANTINED'"
                        + " and (message like 'Portal refused%' or reason = 'PROCEDURE_UNKNOWN')",
                Long.class);
        assertThat(delivered.size() + refused)
                .as("delivered, or refused on replay by the portal or its catalogue")
                .isEqualTo(deadLetters);
        assertThat(delivered)
                .allSatisfy(key ->
                        assertThat(portal.writes(key)).as("writes of %s", key).isEqualTo(1));
        assertThat(store.queryForObject(
                        "select count(*) from ledger where status in ('PENDING', 'FAILED')", Long.class))
                .isZero();
    }

    @Test
    @Order(5)
    void aStepLeftUnconfirmedByAStoppedInstanceIsADeadLetterSayingWhatToDoAndItsReplayDeliversIt() throws Exception {
        // an instance claims a new progress step of a delivered dossier and stops before recording the answer
        Map<String, Object> dossier = store.queryForMap("""
                select d.record_key, d.unit_code from ledger d where d.record_type = 'DOSSIER' and d.status = 'DELIVERED'
                and exists (select 1 from ledger s where s.parent_key = d.record_key and s.status = 'DELIVERED')
                order by d.record_key limit 1
                """);
        String key = (String) dossier.get("record_key");
        String stepKey = key + "/9999999";
        List<ObjectNode> held = portal.steps(key);
        ObjectNode step = held.get(0).deepCopy().put("NoiDungXuLy", "Yêu cầu bổ sung giấy tờ");
        ledger.stage(
                List.of(new LedgerEntry(
                        Ledger.STEP,
                        stepKey,
                        1,
                        key,
                        (String) dossier.get("unit_code"),
                        null,
                        null,
                        null,
                        step.toString())),
                "stopped-instance");
        assertThat(ledger.claimSteps(50)).extracting(Claimed::recordKey).containsExactly(stepKey);
        store.update("update ledger set claimed_until = now() where record_key = ?", stepKey); // its lease is over

        Map<String, Object> run = finished(runs.start(RunType.INCREMENTAL));
        assertThat(run).containsEntry("status", "SUCCEEDED");
        assertThat(counts(run)).containsEntry("push.steps_unconfirmed", 1).containsEntry("run.step.failed", 1);
        assertThat(portal.steps(key)).as("not sent again by the gateway").isEqualTo(held);

        Map<String, Object> letters = get("/api/v1/dead-letters?type=step&error=unconfirmed");
        assertThat(letters.get("total")).isEqualTo(1);
        Map<String, Object> letter = items(letters).get(0);
        assertThat(letter).containsEntry("recordKey", stepKey).containsEntry("attempts", 1);
        assertThat((String) letter.get("lastError"))
                .matches("UNCONFIRMED: sent at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
                        + "\\+07:00, the portal's answer was lost \\(the push that sent it stopped before recording the answer: "
                        + "its instance stopped or lost its store\\); the portal may or may not hold this step and has no service "
                        + "to ask — check the dossier's progress on the portal and replay it if it is missing");

        // the admin finds the step missing from the dossier's progress on the portal and replays it
        Map<String, Object> replay = finished(post("/api/v1/dead-letters/" + letter.get("id") + "/replay"));
        assertThat(replay).containsEntry("status", "SUCCEEDED");
        assertThat(counts(replay))
                .containsEntry("replayed.records", 1)
                .containsEntry("run.step.delivered", 1)
                .doesNotContainKey("push.steps_unconfirmed");
        assertThat(portal.steps(key)).hasSize(held.size() + 1).containsOnlyOnce(step);
        assertThat(get("/api/v1/dead-letters").get("total")).isEqualTo(0);

        finished(post("/api/v1/dead-letters/" + letter.get("id") + "/replay"));
        assertThat(portal.steps(key)).as("replayed again: nothing sent").hasSize(held.size() + 1);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "admin-test-pw");
    }

    private Map<String, Object> get(String path) {
        ResponseEntity<Map<String, Object>> response = admin().exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String post(String path) {
        ResponseEntity<Map<String, Object>> response = admin().exchange(path, HttpMethod.POST, null, JSON);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return (String) response.getBody().get("id");
    }

    private Map<String, Object> finished(String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> run;
        do {
            Thread.sleep(100);
            run = get("/api/v1/runs/" + runId);
        } while ("RUNNING".equals(run.get("status")) && Instant.now().isBefore(deadline));
        return run;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Map<String, Object> run) {
        return (Map<String, Object>) run.get("counts");
    }
}
