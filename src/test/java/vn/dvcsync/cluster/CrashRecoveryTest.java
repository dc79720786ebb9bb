package vn.dvcsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gateway killed with SIGKILL in the middle of a push, on a separate JVM, and started again: the
 * portal ends holding every valid dossier once, in its latest version, and no progress step twice (a step in
 * flight at the kill may be an UNCONFIRMED dead letter), nothing stays pending, the run the kill interrupted ends
 * FAILED in the run history (no heartbeat), and the schedule fires once at a time. The store (PostgreSQL) and the
 * portal (simulator) belong to the test and live through the kill.
 */
class CrashRecoveryTest {

    @Test
    void aGatewayKilledMidPushAndStartedAgainDeliversEverythingExactlyOnce() throws Exception {
        try (SharedStore shared = new SharedStore(800)) {
            // slow (10 calls a second) so that the kill finds it pushing dossiers
            GatewayProcess first = GatewayProcess.start("crash-first", shared.gateway());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (shared.portal.totalWrites() < 200) {
                assertThat(first.alive())
                        .as("first gateway running; log %s", first.logFile())
                        .isTrue();
                assertThat(System.nanoTime())
                        .as("first writes within 90 s; log %s", first.logFile())
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            first.kill();
            List<String> interrupted =
                    shared.jdbc.queryForList("select id from run where status = 'RUNNING'", String.class);
            assertThat(interrupted).as("the run the kill interrupted").hasSize(1);
            long writtenBeforeTheKill = shared.portal.totalWrites();
            assertThat(writtenBeforeTheKill)
                    .as("killed in the middle of the push")
                    .isLessThan(shared.count("select count(*) from city.ho_so"));
            Set<String> inFlight = new HashSet<>(shared.jdbc.queryForList(
                    "select record_key from ledger where status = 'PENDING' and claimed_until > now()", String.class));
            assertThat(inFlight).as("claims the dead gateway left behind").isNotEmpty();
            Set<String> touched = new HashSet<>(shared.touch(10));

            Map<String, String> faster = shared.gateway();
            faster.put("dvcsync.portal.rate-per-second", "40");
            try (GatewayProcess second = GatewayProcess.start("crash-second", faster)) {
                deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (shared.count("select count(*) from ledger where status = 'PENDING'") > 0
                        || shared.count("select count(*) from ledger l join city.ho_so h on h.ma_ho_so = l.record_key "
                                        + "where l.version = (extract(epoch from h.cap_nhat_luc) * 1000000)::bigint")
                                < 800) {
                    assertThat(second.alive())
                            .as("second gateway running; log %s", second.logFile())
                            .isTrue();
                    assertThat(System.nanoTime())
                            .as("everything delivered within 120 s; log %s", second.logFile())
                            .isLessThan(deadline);
                    Thread.sleep(200);
                }
                // the interrupted run has had no heartbeat since the kill: the second gateway marks it FAILED
                while (!"FAILED"
                        .equals(shared.jdbc.queryForObject(
                                "select status from run where id = ?", String.class, interrupted.get(0)))) {
                    assertThat(System.nanoTime())
                            .as("interrupted run marked FAILED within 120 s; log %s", second.logFile())
                            .isLessThan(deadline);
                    Thread.sleep(200);
                }
                second.kill();
                assertThat(second.runs()).isNotEmpty();
            }

            Map<String, Integer> delivered = shared.assertEveryDossierDeliveredInItsLatestVersionOrQuarantined();
            for (String key : shared.jdbc.queryForList("select ma_ho_so from city.ho_so", String.class)) {
                int versions = delivered.getOrDefault(key, 0);
                int writes = shared.portal.writes(key);
                if (inFlight.contains(key) && touched.contains(key)) {
                    // its first version may have reached the portal unrecorded, then the newer one was written
                    assertThat(writes).as("writes of %s", key).isBetween(versions, versions + 1);
                } else {
                    assertThat(writes)
                            .as("writes of %s (in flight at the kill: %s)", key, inFlight.contains(key))
                            .isEqualTo(versions);
                }
            }
            assertThat(shared.portal.dossierCount()).isEqualTo(delivered.size());
            assertThat(shared.count("select count(*) from ledger where record_type = 'STEP' and status = 'DELIVERED'"))
                    .as("steps delivered")
                    .isPositive();
            assertThat(shared.unconfirmedSteps().keySet())
                    .as("steps left unconfirmed: only those in flight at the kill")
                    .isSubsetOf(inFlight);
            assertScheduledRunsNeverOverlapped(shared);
            Map<String, Object> abandoned = shared.jdbc.queryForMap(
                    "select status, finished_at, error from run where id = ?", interrupted.get(0));
            assertThat(abandoned.get("finished_at"))
                    .as("finishedAt of the interrupted run")
                    .isNotNull();
            assertThat((String) abandoned.get("error")).startsWith("abandoned: no heartbeat since");
            for (String run : first.runs()) {
                assertThat(shared.jdbc.queryForObject("select status from run where id = ?", String.class, run))
                        .as("status of run %s of the killed gateway", run)
                        .isNotEqualTo("RUNNING");
            }
        }
    }

    static void assertScheduledRunsNeverOverlapped(SharedStore shared) {
        List<OffsetDateTime[]> runs = List.copyOf(shared.runs().values());
        for (int i = 1; i < runs.size(); i++) {
            OffsetDateTime previousEnd = runs.get(i - 1)[1];
            if (previousEnd != null) {
                assertThat(runs.get(i)[0])
                        .as("run %d starts after run %d ended", i, i - 1)
                        .isAfterOrEqualTo(previousEnd);
            }
        }
    }
}
