package vn.dvcsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.ledger.LedgerEntry;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalKnobs;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * Delivery through the portal simulator's faults. Each scenario gives city dossiers a new version
 * (a later due date), turns a fault on and runs incremental runs until nothing is pending; then every
 * valid dossier must be on the portal in its latest version, written exactly once by that scenario
 * (the simulator counts writes per MaHoSo), and every other dossier quarantined with a reason.
 */
@SpringBootTest(
        properties = {
            "dvcsync.portal.unanswered-steps=fail",
            "dvcsync.portal.batch-size=5",
            "dvcsync.portal.concurrency=4",
            "dvcsync.portal.timeout=300ms",
            // the first retry comes after 200-400 ms: a call that timed out (after 300 ms, answered by 380 ms)
            // has been processed by then, so the look-up before the resend sees it
            "dvcsync.portal.retry.initial-delay=400ms",
            "dvcsync.portal.retry.max-delay=1s",
            "dvcsync.portal.circuit-breaker.open-for=8s",
            // a step push whose answer is lost counts as failed: with one call in five timing out, the default 50 % of
            // the last 10 pushes happens now and then; the portal down (every push failing) opens it all the same
            "dvcsync.portal.circuit-breaker.failure-rate-threshold=90",
            "dvcsync.ledger.retry-delay=PT0S",
            "dvcsync.population.max-lookups-per-run=10"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryUnderFaultsTest {

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    PortalClient client;

    @Autowired
    PortalMapping mapping;

    @Autowired
    CityReader extractor;

    @Autowired
    DemoCity demo;

    @Autowired
    JdbcTemplate store;

    @Autowired
    CircuitBreaker portalCircuitBreaker;

    @Autowired
    Ledger ledger;

    @BeforeAll
    void everythingDeliveredOnceWithoutFaults() {
        calm();
        runUntilNothingPending();
    }

    @AfterEach
    void calm() {
        portal.knobs().defaults().ratePerSecond(0);
    }

    @AfterEach
    void closeTheCircuitBreakerForTheNextScenario() {
        portalCircuitBreaker.reset();
    }

    @Test
    void thirtyPercentOf503() {
        long faultsBefore = portal.injectedFaults();
        scenario(3, knobs -> knobs.error5xxShare(0.3));
        assertThat(portal.injectedFaults()).isGreaterThan(faultsBefore + 10);
    }

    @Test
    void connectionResets() {
        long faultsBefore = portal.injectedFaults();
        scenario(3, knobs -> knobs.connectionResetShare(0.2));
        assertThat(portal.injectedFaults()).isGreaterThan(faultsBefore + 5);
    }

    @Test
    void timeOuts() {
        long heldBefore = client.alreadyHeld();
        // about one call in five takes longer than the 300 ms time-out, and is processed all the same
        scenario(3, knobs -> knobs.latency(0, 380));
        assertThat(client.alreadyHeld())
                .as("dossiers found on the portal instead of being written twice")
                .isGreaterThan(heldBefore);
    }

    /**
     * Progress steps through time-outs ({@code unanswered-steps: fail}, the option): a step batch whose answer came
     * after the time-out is not sent again but left a dead letter (UNCONFIRMED), so no step is held twice; every
     * other step is delivered once, and the dossiers as in every scenario.
     */
    @Test
    void stepsWhoseAnswerWasLostAreDeadLettersNotSentTwice() throws InterruptedException {
        Map<String, Integer> before = writesOfEveryDossier();
        long deliveredBefore = count("select count(*) from ledger where record_type = 'STEP' and status = 'DELIVERED'");
        long heldBefore = StepsOnThePortal.assertNoStepHeldTwice(store, portal);
        Set<String> touched = addSteps(15, 5, store, demo);

        // about one call in five takes longer than the 300 ms time-out, and is processed all the same
        portal.knobs().latency(0, 380);
        List<Run> pushed = runUntilNothingPending();
        calm();

        long delivered = count("select count(*) from ledger where record_type = 'STEP' and status = 'DELIVERED'")
                - deliveredBefore;
        List<Long> unconfirmed = StepsOnThePortal.unconfirmedSteps(
                store, pushed.stream().map(Run::id).toList());
        assertThat(unconfirmed).as("steps whose answer was lost").isNotEmpty();
        assertThat(delivered + unconfirmed.size())
                .as("delivered + failed (unconfirmed) = steps extracted")
                .isEqualTo(touched.size() * 5L);
        assertThat(pushed.stream()
                        .mapToLong(r -> counted(r, Pusher.STEPS_UNCONFIRMED))
                        .sum())
                .as("counted per run")
                .isEqualTo(unconfirmed.size());
        assertThat(pushed.stream()
                        .mapToLong(r -> counted(r, Pusher.STEPS_RESENT_UNCONFIRMED))
                        .sum())
                .isZero();
        assertThat(pushed.stream()
                        .mapToLong(r -> counted(r, "push.failed_batches"))
                        .sum())
                .as("pushes the circuit breaker counted as failed")
                .isPositive();
        assertThat(store.queryForList("select last_error from ledger where id = any(?)", String.class, (Object)
                        unconfirmed.toArray(Long[]::new)))
                .allSatisfy(error -> assertThat(error)
                        .startsWith("UNCONFIRMED: sent at ")
                        .contains("the portal's answer was lost (")
                        .endsWith("check the dossier's progress on the portal and replay it if it is missing"));
        assertDeliveredExactlyOnce(before, touched);
        // the simulator processed every call that timed out (the last may still be on its way): an admin checking
        // the dossiers finds those steps on the portal, once each, and has nothing to replay
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (StepsOnThePortal.assertNoStepHeldTwice(store, portal) < heldBefore + unconfirmed.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(StepsOnThePortal.assertNoStepHeldTwice(store, portal) - heldBefore)
                .isEqualTo(unconfirmed.size());
    }

    /**
     * A portal that answers no step call any more: the first pushes leave their steps unconfirmed (dead letters)
     * and count as failed, the circuit breaker opens and the rest stays PENDING instead of becoming dead letters;
     * with the portal answering again they are delivered once.
     */
    @Test
    void aPortalLeavingStepCallsUnansweredOpensTheCircuitBreakerBeforeEveryStepIsADeadLetter() throws Exception {
        Map<String, Integer> before = writesOfEveryDossier();
        // 5 new steps of each of 30 dossiers on the portal (30 calls), staged as an extraction would stage them
        List<LedgerEntry> steps = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Map<String, Object> d : store.queryForList("""
                select d.record_key, d.unit_code, (select s.payload::text from ledger s where s.parent_key = d.record_key
                                                   and s.status = 'DELIVERED' limit 1) as step
                from ledger d where d.record_type = 'DOSSIER' and d.status = 'DELIVERED'
                and exists (select 1 from ledger s where s.parent_key = d.record_key and s.status = 'DELIVERED')
                order by d.record_key limit 30
                """)) {
            String key = (String) d.get("record_key");
            for (int n = 1; n <= 5; n++) {
                ObjectNode step =
                        ((ObjectNode) json.readTree((String) d.get("step"))).put("NoiDungXuLy", "Bước bổ sung " + n);
                steps.add(new LedgerEntry(
                        Ledger.STEP,
                        key + "/hung-" + n,
                        1,
                        key,
                        (String) d.get("unit_code"),
                        null,
                        null,
                        null,
                        step.toString()));
            }
        }
        ledger.stage(steps, "test");

        // every call takes longer than the 300 ms time-out (and is processed all the same)
        portal.knobs().latency(350, 380);
        Run hung = runs.execute(RunType.INCREMENTAL);
        assertThat(hung.status()).isEqualTo("FAILED");
        assertThat(hung.error()).contains("circuit breaker").contains("progress steps sent without an answer");
        // the steps of the pushes before it opened (about 10 at 90 % of the last 10 pushes, a few more in flight)
        List<Long> unconfirmed = StepsOnThePortal.unconfirmedSteps(store, List.of(hung.id()));
        assertThat(unconfirmed).isNotEmpty();
        assertThat(count("select count(*) from ledger where record_type = 'STEP' and status = 'PENDING'"))
                .as("steps left for a later run")
                .isPositive()
                .isEqualTo(steps.size() - unconfirmed.size());

        calm();
        portalCircuitBreaker.reset();
        runUntilNothingPending();
        assertThat(count("select count(*) from ledger where record_type = 'STEP' and status = 'DELIVERED' "
                        + "and record_key like '%/hung-%'"))
                .isEqualTo(steps.size() - unconfirmed.size());
        assertDeliveredExactlyOnce(before, Set.of());
    }

    /**
     * {@code steps} new progress steps of every {@code every}-th dossier delivered (whole dossiers: a portal call of
     * 5 steps each), with the dossier's change time that makes the extraction read them (a new dossier version too).
     *
     * @return the dossiers given steps
     */
    static Set<String> addSteps(int every, int steps, JdbcTemplate store, DemoCity demo) {
        JdbcTemplate city = new JdbcTemplate(demo.writableDataSource());
        List<String> delivered = store.queryForList("""
                select record_key from ledger where record_type = 'DOSSIER' and status = 'DELIVERED' order by record_key
                """, String.class);
        long nextId = city.queryForObject("select max(id) from city.tien_do", Long.class) + 1;
        Set<String> touched = new java.util.HashSet<>();
        for (int i = 0; i < delivered.size(); i += every) {
            for (int n = steps; n > 0; n--) {
                city.update("""
                        insert into city.tien_do (id, ho_so_id, thoi_diem, nguoi_xu_ly, noi_dung, trang_thai)
                        select ?, id, now() - make_interval(mins => ?), 'Chuyên viên', 'Tiếp tục giải quyết hồ sơ',
                               'DANG_XU_LY' from city.ho_so
                        where ma_ho_so = ?
                        """, nextId++, n, delivered.get(i));
            }
            city.update("update city.ho_so set cap_nhat_luc = now() where ma_ho_so = ?", delivered.get(i));
            touched.add(delivered.get(i));
        }
        return touched;
    }

    static long counted(Run run, String counter) {
        return ((Number) run.counts().getOrDefault(counter, 0)).longValue();
    }

    @Test
    void burstsOf429() {
        long before = portal.http429Count();
        scenario(3, knobs -> knobs.http429Share(0.1));
        assertThat(portal.http429Count()).isGreaterThan(before);
    }

    @Test
    void sessionExpiringEvery100Calls() {
        long logins = portal.authCalls();
        scenario(1, knobs -> knobs.sessionExpiresEveryCalls(100));
        assertThat(portal.authCalls()).isGreaterThan(logins);
    }

    @Test
    void portalDownForAWhile() throws InterruptedException {
        Map<String, Integer> before = writesOfEveryDossier();
        long failedBefore = count("select count(*) from ledger where status = 'FAILED'");
        Set<String> touched = touch(1);

        portal.knobs().connectionResetShare(1.0);
        Run down = runs.execute(RunType.INCREMENTAL);
        assertThat(down.status()).isEqualTo("FAILED");
        assertThat(down.error()).contains("circuit breaker");
        assertThat(portalCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(count("select count(*) from ledger where record_type = 'DOSSIER' and status = 'PENDING'"))
                .as("what was not pushed stays pending")
                .isPositive();

        long calls = callsReceived();
        Run whileOpen = runs.execute(RunType.INCREMENTAL);
        assertThat(whileOpen.status()).isEqualTo("FAILED");
        assertThat(callsReceived())
                .as("no call reaches a portal known to be down")
                .isEqualTo(calls);
        assertThat(count("select count(*) from ledger where status = 'FAILED'")).isEqualTo(failedBefore);

        calm();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (portalCircuitBreaker.getState() == CircuitBreaker.State.OPEN && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(portalCircuitBreaker.getState())
                .as("open for 8 s, then it lets trial pushes through")
                .isEqualTo(CircuitBreaker.State.HALF_OPEN);
        runUntilNothingPending();
        assertThat(portalCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertDeliveredExactlyOnce(before, touched);
    }

    /**
     * The soak ({@code ./mvnw -B -Psoak test}): every fault at once, round after round, with the portal down
     * now and then ({@code -Dsoak.rounds=N}, default 20); exactly once after every round.
     */
    @Test
    @Tag("soak")
    void soakOfEveryFaultAtOnce() throws InterruptedException {
        int rounds = Integer.getInteger("soak.rounds", 20);
        for (int round = 1; round <= rounds; round++) {
            Map<String, Integer> before = writesOfEveryDossier();
            Set<String> touched = touch(1 + round % 3);
            if (round % 5 == 0) {
                portal.knobs().connectionResetShare(1.0);
                assertThat(runs.execute(RunType.INCREMENTAL).status()).isEqualTo("FAILED");
                while (portalCircuitBreaker.getState() == CircuitBreaker.State.OPEN) {
                    Thread.sleep(200);
                }
            }
            portal.knobs()
                    .defaults()
                    .ratePerSecond(0)
                    .error5xxShare(0.1)
                    .connectionResetShare(0.05)
                    .http429Share(0.05)
                    .code9Share(0.05)
                    .latency(0, 380)
                    .sessionExpiresEveryCalls(100);
            runUntilNothingPending();
            calm();
            assertDeliveredExactlyOnce(before, touched);
        }
    }

    /** A new version of every {@code every}-th dossier, pushed through {@code fault}. */
    private void scenario(int every, Consumer<PortalKnobs> fault) {
        Map<String, Integer> before = writesOfEveryDossier();
        Set<String> touched = touch(every);
        fault.accept(portal.knobs());
        runUntilNothingPending();
        calm();
        assertDeliveredExactlyOnce(before, touched);
    }

    /**
     * Every valid dossier in its latest version on the portal, written once since {@code before} when it got a
     * new version, else not at all; the rest quarantined. Nothing pending, no dead letter but progress steps left
     * unconfirmed, and no step held twice by the portal.
     */
    private void assertDeliveredExactlyOnce(Map<String, Integer> before, Set<String> touched) {
        List<Dossier> city = extractor.page(Watermark.START, 1_000_000);
        Map<String, String[]> newest = new HashMap<>();
        store.query("""
                select distinct on (record_key) record_key, status, reason from ledger
                where record_type = 'DOSSIER' order by record_key, version desc
                """, rs -> {
            newest.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        int delivered = 0;
        int quarantined = 0;
        for (Dossier d : city) {
            String[] row = newest.get(d.code());
            assertThat(row).as("ledger row of %s", d.code()).isNotNull();
            int writes = portal.writes(d.code()) - before.getOrDefault(d.code(), 0);
            if ("DELIVERED".equals(row[0])) {
                ObjectNode held = portal.dossier(d.code()).orElseThrow();
                held.remove(List.of("NgayDongBo", "NgayCapNhat"));
                assertThat(held).as("portal copy of %s", d.code()).isEqualTo(mapping.dossier(d));
                assertThat(writes).as("writes of %s", d.code()).isEqualTo(touched.contains(d.code()) ? 1 : 0);
                delivered++;
            } else {
                assertThat(row[0]).as("status of %s", d.code()).isEqualTo("QUARANTINED");
                assertThat(row[1]).as("reason of %s", d.code()).isNotBlank();
                assertThat(writes).as("writes of %s", d.code()).isZero();
                quarantined++;
            }
        }
        assertThat(delivered + quarantined).isEqualTo(city.size());
        assertThat(delivered).isGreaterThan(city.size() * 9 / 10);
        StepsOnThePortal.assertNothingPendingAndOnlyUnconfirmedStepsFailed(store);
        StepsOnThePortal.assertNoStepHeldTwice(store, portal);
    }

    /** @return the runs it made */
    private List<Run> runUntilNothingPending() {
        List<Run> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Run run = runs.execute(RunType.INCREMENTAL);
            made.add(run);
            if ("SUCCEEDED".equals(run.status())
                    && count("select count(*) from ledger where status = 'PENDING'") == 0) {
                return made;
            }
        }
        throw new AssertionError("records still pending after 5 runs: " + store.queryForList("""
                select record_type, record_key, version, attempts, last_error, claimed_until, next_attempt_at, now() as now
                from ledger where status = 'PENDING' limit 5
                """));
    }

    /** A new version of every {@code every}-th city dossier (by id): due one day later. */
    private Set<String> touch(int every) {
        return Set.copyOf(new JdbcTemplate(demo.writableDataSource()).queryForList("""
                update city.ho_so set ngay_hen_tra = ngay_hen_tra + interval '1 day', cap_nhat_luc = now()
                where id % ? = 0 returning ma_ho_so
                """, String.class, every));
    }

    private Map<String, Integer> writesOfEveryDossier() {
        Map<String, Integer> writes = new HashMap<>();
        for (Dossier d : extractor.page(Watermark.START, 1_000_000)) {
            writes.put(d.code(), portal.writes(d.code()));
        }
        return writes;
    }

    private long callsReceived() {
        return portal.callsPerService().values().stream()
                        .mapToLong(Long::longValue)
                        .sum()
                + portal.authCalls();
    }

    private long count(String sql) {
        return store.queryForObject(sql, Long.class);
    }
}
