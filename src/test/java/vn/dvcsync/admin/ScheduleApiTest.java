package vn.dvcsync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.cluster.GatewayInstance;

/**
 * The schedules as an admin manages them, with the schedules on (the incremental one every second): previous and
 * next firing in Vietnam time, which instance fired; a paused schedule does not fire (not once in several of its
 * periods) until resumed; run now starts a run at once; each action is audited.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.schedule.enabled=true",
            "dvcsync.schedule.incremental=PT1S",
            "dvcsync.demo.dossiers=40",
            "dvcsync.population.max-lookups-per-run=0"
        })
@ActiveProfiles("test")
class ScheduleApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate store;

    @Autowired
    GatewayInstance self;

    @Test
    void aPausedScheduleDoesNotFireUntilResumedAndRunNowStartsARun() throws InterruptedException {
        Map<String, Object> incremental =
                await("incremental", s -> s.get("previousFire") != null && s.get("lastFiredBy") != null);
        assertThat(incremental)
                .containsEntry("paused", false)
                .containsEntry("intervalMillis", 1000)
                .containsEntry("lastFiredBy", self.id());
        assertThat((String) incremental.get("nextFire")).endsWith("+07:00");
        Map<String, Object> nightly = schedule("nightly");
        assertThat(nightly).containsEntry("cron", "0 0 1 * * ?").containsEntry("paused", false);
        OffsetDateTime nextNightly = OffsetDateTime.parse((String) nightly.get("nextFire"));
        assertThat(nextNightly.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(nextNightly.toLocalTime()).as("01:00 Vietnam time").hasToString("01:00");

        assertThat(post("/api/v1/schedules/incremental/pause").getBody()).containsEntry("paused", true);
        Thread.sleep(300); // a firing already under way records itself
        Object firedAt = lastFiring();
        long runs = incrementalRuns();
        awaitNoRunGoing();
        long runsBefore = incrementalRuns();
        Thread.sleep(3_500);
        assertThat(lastFiring()).as("no firing while paused").isEqualTo(firedAt);
        assertThat(incrementalRuns()).as("no scheduled run while paused").isEqualTo(runsBefore);
        assertThat(runsBefore).isGreaterThanOrEqualTo(runs);
        assertThat(schedule("incremental")).containsEntry("paused", true);

        ResponseEntity<Map<String, Object>> now = post("/api/v1/schedules/incremental/run");
        assertThat(now.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String runId = (String) now.getBody().get("id");
        Map<String, Object> run = awaitRun(runId);
        assertThat(run).containsEntry("type", "incremental").containsEntry("status", "SUCCEEDED");
        assertThat(lastFiring()).as("run now is no firing of the schedule").isEqualTo(firedAt);

        assertThat(post("/api/v1/schedules/incremental/resume").getBody()).containsEntry("paused", false);
        await(
                "incremental",
                s -> !String.valueOf(s.get("previousFire")).equals(String.valueOf(incremental.get("previousFire")))
                        && !lastFiring().equals(firedAt));

        assertThat(post("/api/v1/schedules/nosuch/pause").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("official", "official-test-pw")
                        .exchange("/api/v1/schedules/nightly/pause", HttpMethod.POST, null, JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(schedule("nightly")).containsEntry("paused", false);

        List<Map<String, Object>> audit = items(get("/api/v1/audit?target=incremental"));
        assertThat(audit)
                .extracting(e -> (String) e.get("action"))
                .containsExactly("SCHEDULE_RESUMED", "SCHEDULE_RUN_NOW", "SCHEDULE_PAUSED");
        assertThat(audit.get(1).get("details")).isEqualTo(Map.of("run", runId));
        assertThat(audit).allSatisfy(e -> assertThat(e).containsEntry("actor", "admin"));
    }

    private Object lastFiring() {
        return store.queryForObject(
                "select fired_at from schedule_firing where trigger_name = 'dvcsync.incremental'", Object.class);
    }

    private long incrementalRuns() {
        return store.queryForObject("select count(*) from run where type = 'incremental'", Long.class);
    }

    private void awaitNoRunGoing() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (store.queryForObject("select count(*) from run where status = 'RUNNING'", Long.class) > 0) {
            assertThat(Instant.now()).as("the run going ends").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private Map<String, Object> awaitRun(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        Map<String, Object> run;
        do {
            Thread.sleep(100);
            run = get("/api/v1/runs/" + id);
        } while ("RUNNING".equals(run.get("status")) && Instant.now().isBefore(deadline));
        return run;
    }

    private Map<String, Object> await(String name, Predicate<Map<String, Object>> until) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Map<String, Object> s = schedule(name);
        while (!until.test(s)) {
            assertThat(Instant.now()).as("schedule %s: %s", name, s).isBefore(deadline);
            Thread.sleep(200);
            s = schedule(name);
        }
        return s;
    }

    private Map<String, Object> schedule(String name) {
        ResponseEntity<List<Map<String, Object>>> all = http.withBasicAuth("admin", "admin-test-pw")
                .exchange("/api/v1/schedules", HttpMethod.GET, null, JSON_LIST);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        return all.getBody().stream()
                .filter(s -> name.equals(s.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no schedule " + name + " in " + all.getBody()));
    }

    private ResponseEntity<Map<String, Object>> post(String path) {
        return http.withBasicAuth("admin", "admin-test-pw").exchange(path, HttpMethod.POST, null, JSON);
    }

    private Map<String, Object> get(String path) {
        ResponseEntity<Map<String, Object>> r =
                http.withBasicAuth("admin", "admin-test-pw").exchange(path, HttpMethod.GET, null, JSON);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
