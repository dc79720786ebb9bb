package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.cluster.GatewayInstance;
import vn.dvcsync.ledger.LedgerProperties;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * Runs left RUNNING by an instance that died are marked FAILED once their heartbeat is older than the grace,
 * while a run that another instance is executing keeps a fresh heartbeat and is never swept. Two
 * {@link RunHeartbeats} on one store stand for two instances.
 */
class RunHeartbeatsTest {

    private static final LedgerProperties LEDGER = new LedgerProperties(5, Duration.ZERO, Duration.ofMinutes(5));
    private static final Duration GRACE = Duration.ofMillis(600);

    private static JdbcTemplate jdbc;
    private static RunStore store;

    @BeforeAll
    static void database() {
        jdbc = TestPostgres.store("heartbeats").jdbc();
        store = new RunStore(jdbc, new ObjectMapper(), new GatewayInstance("test-instance"));
    }

    @BeforeEach
    void noRuns() {
        jdbc.update("delete from run");
    }

    @Test
    void aRunWithoutHeartbeatIsSweptAndALiveRunOfAnotherInstanceIsNot() throws InterruptedException {
        try (RunHeartbeats executing = new RunHeartbeats(store, new RunProperties(GRACE, null), LEDGER);
                RunHeartbeats sweeping = new RunHeartbeats(store, new RunProperties(GRACE, null), LEDGER)) {
            store.started("live", RunType.INCREMENTAL, OffsetDateTime.now());
            executing.start("live");
            store.started("killed", RunType.NIGHTLY, OffsetDateTime.now()); // its instance died right after
            store.started("done", RunType.INCREMENTAL, OffsetDateTime.now());
            store.finished("done", "SUCCEEDED", Map.of(), null);
            OffsetDateTime lastBeatOfKilled = heartbeat("killed");

            Thread.sleep(GRACE.multipliedBy(2).toMillis());

            assertThat(sweeping.sweep()).containsExactly("killed");
            Run killed = store.find("killed").orElseThrow();
            assertThat(killed.status()).isEqualTo("FAILED");
            assertThat(killed.finishedAt())
                    .as("finished at its last sign of life")
                    .isEqualTo(lastBeatOfKilled);
            assertThat(killed.error()).startsWith("abandoned: no heartbeat since ");
            Run live = store.find("live").orElseThrow();
            assertThat(live.status()).isEqualTo("RUNNING");
            assertThat(live.finishedAt()).isNull();
            assertThat(store.find("done").orElseThrow().status()).isEqualTo("SUCCEEDED");
            assertThat(sweeping.sweep()).as("swept once").isEmpty();

            executing.stop("live"); // as if its instance were killed now
            Thread.sleep(GRACE.multipliedBy(2).toMillis());
            assertThat(sweeping.sweep()).containsExactly("live");
        }
    }

    @Test
    void instancesSweepingAtOnceMarkEachRunOnce() throws Exception {
        try (RunHeartbeats one = new RunHeartbeats(store, new RunProperties(GRACE, null), LEDGER);
                RunHeartbeats two = new RunHeartbeats(store, new RunProperties(GRACE, null), LEDGER)) {
            for (int i = 0; i < 20; i++) {
                store.started("killed-" + i, RunType.INCREMENTAL, OffsetDateTime.now());
            }
            Thread.sleep(GRACE.multipliedBy(2).toMillis());

            CompletableFuture<List<String>> a = CompletableFuture.supplyAsync(one::sweep);
            CompletableFuture<List<String>> b = CompletableFuture.supplyAsync(two::sweep);
            List<String> swept = new ArrayList<>(a.get());
            swept.addAll(b.get());

            assertThat(swept).hasSize(20).doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject("select count(*) from run where status = 'RUNNING'", Long.class))
                    .isZero();
        }
    }

    @Test
    void theGraceIsTheLedgerLeaseUnlessSetAndHeartbeatsComeThreeTimesWithinIt() {
        try (RunHeartbeats byDefault = new RunHeartbeats(store, new RunProperties(null, null), LEDGER);
                RunHeartbeats shorter =
                        new RunHeartbeats(store, new RunProperties(Duration.ofSeconds(30), null), LEDGER);
                RunHeartbeats longer =
                        new RunHeartbeats(store, new RunProperties(Duration.ofMinutes(30), null), LEDGER)) {
            assertThat(byDefault.grace()).isEqualTo(LEDGER.lease());
            assertThat(byDefault.period()).isEqualTo(Duration.ofMinutes(5).dividedBy(3));
            assertThat(shorter.grace()).isEqualTo(Duration.ofSeconds(30));
            assertThat(shorter.period()).isEqualTo(Duration.ofSeconds(10));
            assertThat(longer.grace()).isEqualTo(Duration.ofMinutes(30));
            assertThat(longer.period())
                    .as("a third of the lease")
                    .isEqualTo(Duration.ofMinutes(5).dividedBy(3));
        }
    }

    private static OffsetDateTime heartbeat(String id) {
        return jdbc.queryForObject("select heartbeat_at from run where id = ?", OffsetDateTime.class, id);
    }
}
