package vn.dvcsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * Claims as several pushers (in one instance or several) make them on one store: no row twice, only the
 * newest version of a dossier and never two versions of one dossier at once, all steps of a dossier
 * together, and a lease that gives a dead claimer's rows back.
 */
class LedgerClaimTest {

    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;

    private Ledger ledger;

    @BeforeAll
    static void database() {
        DataSource store = TestPostgres.store("ledger").dataSource();
        jdbc = new JdbcTemplate(store);
        // the same DataSource instance for both, or the statements of a claim would not share its transaction
        tx = new TransactionTemplate(new DataSourceTransactionManager(store));
    }

    @BeforeEach
    void emptyLedger() {
        jdbc.update("truncate ledger cascade"); // and its push attempts
        ledger = ledger(Duration.ofMinutes(5));
    }

    private static Ledger ledger(Duration lease) {
        return new Ledger(jdbc, tx, new LedgerProperties(3, Duration.ZERO, lease));
    }

    private static LedgerEntry dossier(String key, long version) {
        return new LedgerEntry(
                Ledger.DOSSIER,
                key,
                version,
                null,
                "000.00.04.H26",
                null,
                null,
                null,
                "{\"MaHoSo\":\"" + key + "\",\"v\":" + version + "}");
    }

    private static LedgerEntry step(String dossier, int n) {
        return new LedgerEntry(
                Ledger.STEP,
                dossier + "/" + n,
                n,
                dossier,
                "000.00.04.H26",
                null,
                null,
                null,
                "{\"MaHoSo\":\"" + dossier + "\",\"n\":" + n + "}");
    }

    /** Issue #12 item 6: a dossier's journey holds each push attempt, with the portal's answer, oldest first. */
    @Test
    void everyPushAttemptIsKeptWithThePortalsAnswer() {
        ledger.stage(List.of(dossier("H26.J", 1), step("H26.J", 1)), "r1");
        Claimed d = single(ledger.claimDossiers(10));
        ledger.markAttemptFailed(List.of(d.id()), "HTTP 503 from DongBoHoSoMC: Service Unavailable", false, "r1");
        Claimed again = single(ledger.claimDossiers(10));
        assertThat(again.id()).isEqualTo(d.id());
        ledger.markDelivered(List.of(again.id()), "r2");
        Claimed s = single(ledger.claimSteps(10));
        ledger.markDeadLetters(List.of(s.id()), "the portal did not answer within 30s", "r2");

        List<DossierHistory.Attempt> attempts = new DossierHistory(jdbc).attempts("H26.J");
        assertThat(attempts)
                .extracting(
                        DossierHistory.Attempt::recordKey,
                        DossierHistory.Attempt::outcome,
                        DossierHistory.Attempt::answer,
                        DossierHistory.Attempt::runId)
                .containsExactly(
                        tuple("H26.J", "FAILED", "HTTP 503 from DongBoHoSoMC: Service Unavailable", "r1"),
                        tuple("H26.J", "DELIVERED", null, "r2"),
                        tuple("H26.J/1", "DEAD_LETTER", "the portal did not answer within 30s", "r2"));
        assertThat(new DossierHistory(jdbc).attempts("H26.OTHER")).isEmpty();
    }

    @Test
    void concurrentClaimersNeverGetTheSameRow() throws Exception {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            entries.add(dossier(String.format("H26.%05d", i), 1));
        }
        ledger.stage(entries, "r");
        List<Long> claimed = claimConcurrently(() -> ledger.claimDossiers(50)).stream()
                .flatMap(List::stream)
                .map(Claimed::id)
                .toList();
        assertThat(claimed).hasSize(2000).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheNewestVersionIsClaimedAndNeverWhileAnotherVersionIsInFlight() {
        ledger.stage(List.of(dossier("H26.A", 1)), "r");
        Claimed v1 = single(ledger.claimDossiers(10));
        assertThat(v1.version()).isEqualTo(1);

        ledger.stage(List.of(dossier("H26.A", 2)), "r");
        assertThat(status("H26.A", 1)).as("superseded while in flight").isEqualTo("SUPERSEDED");
        assertThat(ledger.claimDossiers(10))
                .as("version 1 is still on its way to the portal")
                .isEmpty();

        ledger.markDelivered(List.of(v1.id()), "r");
        Claimed v2 = single(ledger.claimDossiers(10));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.deliveredBefore())
                .as("version 1 reached the portal: version 2 is an update")
                .isTrue();
    }

    @Test
    void anOlderVersionStagedLateIsNeverClaimed() {
        ledger.stage(List.of(dossier("H26.A", 2)), "r");
        ledger.markDelivered(ids(ledger.claimDossiers(10)), "r");
        // a second instance stages version 1 at the same moment: nothing superseded it yet
        jdbc.update(
                "insert into ledger (record_type, record_key, version, status, payload) values ('DOSSIER', 'H26.A', 1, 'PENDING', '{}')");

        assertThat(ledger.claimDossiers(10)).isEmpty();
        assertThat(ledger.supersedeStale()).isEqualTo(1);
        assertThat(status("H26.A", 1)).isEqualTo("SUPERSEDED");
        assertThat(status("H26.A", 2)).isEqualTo("DELIVERED");
    }

    @Test
    void aFailureOfAVersionSupersededInFlightLeavesItSuperseded() {
        ledger.stage(List.of(dossier("H26.A", 1)), "r");
        Claimed v1 = single(ledger.claimDossiers(10));
        ledger.stage(List.of(dossier("H26.A", 2)), "r");

        ledger.markAttemptFailed(List.of(v1.id()), "HTTP 503", true, "r");

        assertThat(status("H26.A", 1)).isEqualTo("SUPERSEDED");
        assertThat(single(ledger.claimDossiers(10)).version()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptARecordIsADeadLetterWithItsLastError() {
        ledger.stage(List.of(dossier("H26.A", 1)), "r");
        for (int attempt = 1; attempt <= 3; attempt++) {
            Claimed c = single(ledger.claimDossiers(10));
            assertThat(c.uncertain())
                    .as("attempt %d follows a failed one", attempt)
                    .isEqualTo(attempt > 1);
            ledger.markAttemptFailed(
                    List.of(c.id()), "portal DongBoHoSoMC: gave up after 6 attempts; attempt " + attempt, true, "r");
        }
        assertThat(status("H26.A", 1)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select last_error from ledger where record_key = 'H26.A'", String.class))
                .endsWith("attempt 3");
        assertThat(ledger.claimDossiers(10)).isEmpty();
    }

    @Test
    void allStepsOfADossierGoTogetherAndNotWhileOneOfThemIsInFlight() {
        ledger.stage(List.of(dossier("H26.A", 1), dossier("H26.B", 1)), "r");
        ledger.markDelivered(ids(ledger.claimDossiers(10)), "r");
        List<LedgerEntry> steps = new ArrayList<>();
        for (String dossier : List.of("H26.A", "H26.B")) {
            for (int n = 1; n <= 30; n++) {
                steps.add(step(dossier, n));
            }
        }
        ledger.stage(steps, "r");

        // a limit that cuts through a dossier's steps still takes all of them, in order
        List<Claimed> first = ledger.claimSteps(5);
        assertThat(first).hasSize(30).allMatch(c -> c.parentKey().equals("H26.A"));
        assertThat(first).extracting(Claimed::version).isSorted();
        List<Claimed> second = ledger.claimSteps(100);
        assertThat(second).hasSize(30).allMatch(c -> c.parentKey().equals("H26.B"));

        ledger.stage(List.of(step("H26.A", 31)), "r");
        assertThat(ledger.claimSteps(100)).as("H26.A has steps in flight").isEmpty();
        ledger.markDelivered(ids(first), "r");
        assertThat(ledger.claimSteps(100)).extracting(Claimed::recordKey).containsExactly("H26.A/31");
    }

    @Test
    void aStepBatchIsWholeDossiersThatFillOnePortalCall() {
        List<String> dossiers = List.of("H26.A", "H26.B", "H26.C", "H26.D", "H26.E");
        int[] steps = {20, 20, 20, 5, 30};
        ledger.stage(dossiers.stream().map(d -> dossier(d, 1)).toList(), "r");
        ledger.markDelivered(ids(ledger.claimDossiers(10)), "r");
        List<LedgerEntry> entries = new ArrayList<>();
        for (int d = 0; d < dossiers.size(); d++) {
            for (int n = 1; n <= steps[d]; n++) {
                entries.add(step(dossiers.get(d), n));
            }
        }
        ledger.stage(entries, "r");

        // the first 50 steps reach into H26.C; taking all of its 20 would make 60, two portal calls
        List<Claimed> first = ledger.claimSteps(50);
        assertThat(first).hasSize(40);
        assertThat(parents(first)).containsExactly("H26.A", "H26.A", "H26.B", "H26.B");
        List<Claimed> second = ledger.claimSteps(50);
        assertThat(second).hasSize(25);
        assertThat(parents(second)).containsExactly("H26.C", "H26.C", "H26.D", "H26.D");
        assertThat(ledger.claimSteps(50))
                .hasSize(30)
                .allMatch(c -> c.parentKey().equals("H26.E"));
        assertThat(ledger.claimSteps(50)).isEmpty();
    }

    @Test
    void concurrentStepClaimersNeverWaitForEachOtherAndEachGetsWholeDossiersUpToTheLimit() throws Exception {
        int dossiers = 1500;
        List<LedgerEntry> parents = new ArrayList<>();
        List<LedgerEntry> steps = new ArrayList<>();
        Map<String, Integer> stepsOf = new HashMap<>();
        for (int i = 0; i < dossiers; i++) {
            String key = String.format("H26.%05d", i);
            parents.add(dossier(key, 1));
            int n = 1 + (i * 7) % 9;
            stepsOf.put(key, n);
            for (int k = 1; k <= n; k++) {
                steps.add(step(key, k));
            }
        }
        ledger.stage(parents, "r");
        ledger.markDelivered(jdbc.queryForList("select id from ledger", Long.class), "r");
        ledger.stage(steps, "r");
        List<List<Claimed>> batches = new ArrayList<>(claimConcurrently(() -> ledger.claimSteps(50)));
        List<Claimed> rest;
        while (!(rest = ledger.claimSteps(50)).isEmpty()) {
            batches.add(rest);
        }

        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(steps.size());
        assertThat(batches.stream().flatMap(List::stream).map(Claimed::id)).doesNotHaveDuplicates();
        for (List<Claimed> batch : batches) {
            assertThat(batch).hasSizeLessThanOrEqualTo(50);
            Map<String, Long> perDossier =
                    batch.stream().collect(Collectors.groupingBy(Claimed::parentKey, Collectors.counting()));
            perDossier.forEach((key, n) ->
                    assertThat(n).as("steps of %s in one batch", key).isEqualTo((long) stepsOf.get(key)));
        }
    }

    /** Batches claimed by 8 threads at once until a claim comes back empty (a deadlock fails a claim). */
    private static List<List<Claimed>> claimConcurrently(Callable<List<Claimed>> claim) throws Exception {
        ConcurrentLinkedQueue<List<Claimed>> batches = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> claimers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            claimers.add(pool.submit(() -> {
                start.await();
                List<Claimed> batch;
                while (!(batch = claim.call()).isEmpty()) {
                    batches.add(batch);
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> f : claimers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return List.copyOf(batches);
    }

    /** The dossiers of a step batch, each given as its first and last step's (in batch order). */
    private static List<String> parents(List<Claimed> batch) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String p = batch.get(i).parentKey();
            boolean first = i == 0 || !batch.get(i - 1).parentKey().equals(p);
            boolean last =
                    i == batch.size() - 1 || !batch.get(i + 1).parentKey().equals(p);
            if (first) {
                out.add(p);
            }
            if (last) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void stepsWaitForTheirDossierToBeOnThePortal() {
        ledger.stage(List.of(dossier("H26.A", 1), step("H26.A", 1)), "r");
        assertThat(ledger.claimSteps(10)).isEmpty();
        ledger.markDelivered(ids(ledger.claimDossiers(10)), "r");
        assertThat(ledger.claimSteps(10)).hasSize(1);
    }

    @Test
    void theClaimsOfAnInstanceThatDiedComeBackWhenTheirLeaseIsOver() throws InterruptedException {
        Ledger shortLease = ledger(Duration.ofMillis(300));
        shortLease.stage(List.of(dossier("H26.A", 1), dossier("H26.B", 1)), "r");
        List<Claimed> claimedByTheDeadOne = shortLease.claimDossiers(10);
        assertThat(claimedByTheDeadOne).hasSize(2).noneMatch(Claimed::uncertain);
        assertThat(shortLease.claimDossiers(10)).isEmpty();

        Thread.sleep(400);

        List<Claimed> takenOver = shortLease.claimDossiers(10);
        assertThat(ids(takenOver)).containsExactlyElementsOf(ids(claimedByTheDeadOne));
        assertThat(takenOver).as("the portal may have them already").allMatch(Claimed::uncertain);
    }

    @Test
    void aPortalRefusalOfAVersionSupersededInFlightDoesNotHoldBackTheSteps() {
        ledger.stage(List.of(dossier("H26.A", 1)), "r");
        Claimed v1 = single(ledger.claimDossiers(10));
        ledger.stage(List.of(dossier("H26.A", 2), step("H26.A", 1)), "r");

        ledger.markQuarantined(v1, "DOSSIER_INVALID", "NgayHenTra", "refused", "r");

        assertThat(status("H26.A", 1)).isEqualTo("SUPERSEDED");
        assertThat(jdbc.queryForObject("select status from ledger where record_type = 'STEP'", String.class))
                .isEqualTo("PENDING");
    }

    private static Claimed single(List<Claimed> claimed) {
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static List<Long> ids(List<Claimed> claimed) {
        return claimed.stream().map(Claimed::id).toList();
    }

    private static String status(String key, long version) {
        return jdbc.queryForObject(
                "select status from ledger where record_type = 'DOSSIER' and record_key = ? and version = ?",
                String.class,
                key,
                version);
    }
}
