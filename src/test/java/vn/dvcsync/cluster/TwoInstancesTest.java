package vn.dvcsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two gateways on one store, each in its own JVM: they push side by side (one on the schedule, the other
 * started through the API) without ever sending a record twice; the schedule fires on one of them at a
 * time; and when one is killed in the middle of its run, the other takes over its claims once their lease
 * is over, until everything is delivered exactly once (progress steps the killed one had in flight may be
 * UNCONFIRMED dead letters instead: never held twice).
 */
class TwoInstancesTest {

    private static final Pattern RUN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void twoInstancesDeliverEverythingExactlyOnceAndTheScheduleFiresOnceAtATime() throws Exception {
        try (SharedStore shared = new SharedStore(1000)) {
            Map<String, String> settings = shared.gateway();
            settings.remove("spring.main.web-application-type");
            settings.put("server.port", "0");
            settings.put("dvcsync.portal.concurrency", "2");
            settings.put("dvcsync.security.users[0].name", "admin");
            settings.put(
                    "dvcsync.security.users[0].password-hash",
                    "$2a$10$i3FW4GsFnXjxON5VHGHjCuuBY24Rl3CkK1a4GJ0iqgh3riX00QXCu");
            settings.put("dvcsync.security.users[0].roles[0]", "ADMIN");
            long start = System.nanoTime();
            try (GatewayProcess a = GatewayProcess.start("instance-a", settings);
                    GatewayProcess b = GatewayProcess.start("instance-b", settings)) {
                a.waitForLog("Started GatewayApplication", Duration.ofSeconds(90));
                b.waitForLog("Started GatewayApplication", Duration.ofSeconds(90));
                waitFor(
                        () -> shared.portal.totalWrites() > 0,
                        Duration.ofSeconds(60),
                        "the first scheduled run pushes");

                // the other instance pushes at the same time, started by hand
                List<String> byHand = new ArrayList<>();
                for (GatewayProcess g : List.of(a, b)) {
                    startRun(g).ifPresent(byHand::add);
                }
                assertThat(byHand)
                        .as("one instance is busy with the scheduled run, the other starts one")
                        .isNotEmpty();
                GatewayProcess scheduled = a.runs().stream().anyMatch(id -> !byHand.contains(id)) ? a : b;
                GatewayProcess other = scheduled == a ? b : a;

                waitFor(
                        () -> shared.portal.totalWrites() >= 500,
                        Duration.ofSeconds(60),
                        "half of the dossiers written");
                scheduled.kill();
                OffsetDateTime killedAt = OffsetDateTime.now();
                Set<String> inFlight = new HashSet<>(shared.jdbc.queryForList(
                        "select coalesce(parent_key, record_key) from ledger where status = 'PENDING' and claimed_until > now()",
                        String.class));

                waitFor(
                        () -> shared.count("select count(*) from ledger where status = 'PENDING'") == 0
                                && shared.count("select count(*) from ledger where record_type = 'DOSSIER'") >= 1000,
                        Duration.ofSeconds(150),
                        "the surviving instance delivers the rest; log " + other.logFile());
                // the run started by hand may have delivered all of it: the schedule fires again all the same
                waitFor(
                        () -> shared.runs().keySet().stream()
                                        .filter(id -> !byHand.contains(id))
                                        .count()
                                >= 2,
                        Duration.ofSeconds(30),
                        "a second scheduled run; log " + other.logFile());
                assertThat(other.alive()).isTrue();
                other.kill();
                double elapsedSeconds = (System.nanoTime() - start) / 1e9;

                Map<String, Integer> delivered = shared.assertEveryDossierDeliveredInItsLatestVersionOrQuarantined();
                delivered.forEach((key, versions) -> assertThat(shared.portal.writes(key))
                        .as("writes of %s", key)
                        .isEqualTo(versions));
                assertThat(shared.portal.dossierCount()).isEqualTo(delivered.size());
                // no step held twice (asserted above); steps left unconfirmed only where the killed instance had them
                // in flight
                assertThat(shared.unconfirmedSteps().values())
                        .as("dossiers of steps left unconfirmed")
                        .allMatch(inFlight::contains);

                for (GatewayProcess g : List.of(a, b)) {
                    // dossiers or steps: on a loaded machine the run started by hand may begin after the last dossier
                    assertThat(shared.count(
                                    "select count(*) from ledger where status = 'DELIVERED' and run_id = any(?)",
                                    (Object) g.runs().toArray(String[]::new)))
                            .as("records delivered by %s", g.name)
                            .isPositive();
                }
                assertScheduledRunsFiredOnceAtATime(shared, byHand, killedAt, elapsedSeconds);
            }
        }
    }

    /** Scheduled runs (all but those started by hand) never overlap, whichever instance ran them. */
    private static void assertScheduledRunsFiredOnceAtATime(
            SharedStore shared, List<String> byHand, OffsetDateTime killedAt, double elapsedSeconds) {
        List<OffsetDateTime[]> scheduled = new ArrayList<>();
        shared.runs().forEach((id, times) -> {
            if (!byHand.contains(id)) {
                scheduled.add(new OffsetDateTime[] {times[0], times[1] != null ? times[1] : killedAt});
            }
        });
        assertThat(scheduled).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < scheduled.size(); i++) {
            assertThat(scheduled.get(i)[0])
                    .as("scheduled run %d starts after scheduled run %d ended", i, i - 1)
                    .isAfterOrEqualTo(scheduled.get(i - 1)[1]);
        }
        assertThat(scheduled.size())
                .as("firings of a one-second schedule")
                .isLessThanOrEqualTo((int) elapsedSeconds + 1);
    }

    /** POST /api/v1/runs on the instance: the run id, or empty when it is busy with a run (409). */
    private static java.util.Optional<String> startRun(GatewayProcess g) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.port() + "/api/v1/runs"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-pw".getBytes()))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"incremental\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409) {
            return java.util.Optional.empty();
        }
        assertThat(response.statusCode())
                .as("POST /api/v1/runs on %s: %s", g.name, response.body())
                .isEqualTo(202);
        Matcher m = RUN_ID.matcher(response.body());
        assertThat(m.find()).isTrue();
        return java.util.Optional.of(m.group(1));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
