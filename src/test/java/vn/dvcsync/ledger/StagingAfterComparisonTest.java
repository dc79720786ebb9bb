package vn.dvcsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * The nightly's first contact written in one pass: after {@link Ledger#rememberComparison}, staging records what the
 * portal holds as the city does as adopted (with the steps the policy takes as on the portal) in the insert that
 * stages it; what differs waits as an update, what the portal lacks as a create; the healing after the extraction
 * finishes what staging could not settle and forgets the comparison. Answer key written by hand.
 */
class StagingAfterComparisonTest {

    private static final String RUN = "run-nightly-1";
    private static final String COPY_TIME = "20251201100000"; // the portal copies' NgayCapNhat, Vietnam time
    private static final String UNIT = "000.00.04.H26";

    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private Ledger ledger;

    @BeforeAll
    static void database() {
        DataSource store = TestPostgres.store("ledger_first_contact").dataSource();
        jdbc = new JdbcTemplate(store);
        tx = new TransactionTemplate(new DataSourceTransactionManager(store));
    }

    @BeforeEach
    void emptyLedger() {
        jdbc.update("truncate ledger cascade");
        jdbc.update("delete from portal_copy");
        ledger = new Ledger(jdbc, tx, new LedgerProperties(3, Duration.ZERO, Duration.ofMinutes(5)));
    }

    private static LedgerEntry dossier(String key, long version, String reason) {
        return new LedgerEntry(
                Ledger.DOSSIER,
                key,
                version,
                null,
                UNIT,
                reason,
                reason == null ? null : "NgayHenTra",
                reason == null ? null : "Dossier " + key + " breaks NgayHenTra [order]",
                "{\"MaHoSo\":\"" + key + "\"}");
    }

    private static LedgerEntry step(String dossier, int n, String at) {
        return new LedgerEntry(
                Ledger.STEP,
                dossier + "/" + n,
                n,
                dossier,
                UNIT,
                null,
                null,
                null,
                "{\"MaHoSo\":\"" + dossier + "\",\"ThoiDiemXuLy\":\"" + at + "\"}");
    }

    private static PortalCopy copy(String key, long version, boolean identical) {
        return new PortalCopy(key, version, UNIT, null, identical, COPY_TIME);
    }

    private Map<String, String> statuses() {
        Map<String, String> s = new HashMap<>();
        jdbc.query("select record_key, status || coalesce('/' || reason, '') from ledger", rs -> {
            s.put(rs.getString(1), rs.getString(2));
        });
        return s;
    }

    private void stageAll() {
        tx.executeWithoutResult(st -> ledger.stage(
                List.of(
                        dossier("SAME", 10, null),
                        step("SAME", 1, "20251130090000"),
                        step("SAME", 2, COPY_TIME),
                        step("SAME", 3, "20251202080000"),
                        step("SAME", 4, "2025-11-30 09:00"), // not a portal time: cannot be placed before the copy
                        dossier("DIFF", 10, null),
                        step("DIFF", 1, "20251130090000"),
                        step("DIFF", 2, "20251203080000"),
                        dossier("LACKS", 10, null),
                        step("LACKS", 1, "20251130090000"),
                        dossier("BAD", 10, "DOSSIER_INVALID"),
                        step("BAD", 1, "20251130090000"),
                        dossier("NEWER", 11, null),
                        step("NEWER", 1, "20251130090000"),
                        dossier("OUTSIDE", 10, null)),
                RUN));
    }

    @Test
    void stagingAdoptsWhatThePortalHoldsAsTheCityDoesAndTheStepsNotAfterItsCopy() {
        ledger.rememberComparison(
                RUN,
                List.of(
                        copy("SAME", 10, true),
                        copy("DIFF", 10, false),
                        copy("BAD", 10, true),
                        copy("NEWER", 10, true)),
                List.of("LACKS"),
                true);

        stageAll();

        Map<String, String> s = statuses();
        assertThat(s)
                .containsEntry("SAME", "DELIVERED/ADOPTED")
                .containsEntry("SAME/1", "DELIVERED/ADOPTED")
                .containsEntry("SAME/2", "DELIVERED/ADOPTED") // at the copy's time: not after it
                .containsEntry("SAME/3", "PENDING") // after the copy: sent
                .containsEntry("SAME/4", "PENDING") // a time that is not yyyyMMddHHmmss: sent, the portal judges it
                .containsEntry("DIFF", "PENDING/REOPENED_HELD") // sent as an update
                .containsEntry("DIFF/1", "DELIVERED/ADOPTED")
                .containsEntry("DIFF/2", "PENDING")
                .containsEntry("LACKS", "PENDING") // a create
                .containsEntry("LACKS/1", "PENDING")
                .containsEntry("BAD", "QUARANTINED/DOSSIER_INVALID") // the city's rules first: never adopted
                .containsEntry("BAD/1", "QUARANTINED/PARENT_QUARANTINED")
                .containsEntry("NEWER", "PENDING/REOPENED_HELD") // changed since the comparison: held, sent as update
                .containsEntry("NEWER/1", "DELIVERED/ADOPTED")
                .containsEntry("OUTSIDE", "PENDING"); // not compared: as ever
        assertThat(jdbc.queryForObject(
                        "select delivered_at from ledger where record_key = 'SAME'", OffsetDateTime.class))
                .isAtSameInstantAs(OffsetDateTime.of(2025, 12, 1, 3, 0, 0, 0, ZoneOffset.UTC));
        assertThat(jdbc.queryForObject(
                        "select delivered_at from ledger where record_key = 'SAME/1'", OffsetDateTime.class))
                .as("a step taken as on the portal: delivered at the copy's time")
                .isAtSameInstantAs(OffsetDateTime.of(2025, 12, 1, 3, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void theStepsPolicyAllSendsEveryStep() {
        ledger.rememberComparison(RUN, List.of(copy("SAME", 10, true), copy("DIFF", 10, false)), List.of(), false);

        stageAll();

        assertThat(statuses())
                .containsEntry("SAME", "DELIVERED/ADOPTED")
                .containsEntry("SAME/1", "PENDING")
                .containsEntry("SAME/2", "PENDING")
                .containsEntry("DIFF/1", "PENDING");
    }

    @Test
    void aDossierSentBeforeIsNotAdoptedButHealedAndTheComparisonIsForgotten() {
        // delivered by an earlier run, and the portal has lost it since
        tx.executeWithoutResult(st -> ledger.stage(List.of(dossier("LACKS", 10, null)), "run-0"));
        jdbc.update("update ledger set status = 'DELIVERED', delivered_at = now() where record_key = 'LACKS'");
        // staged by an earlier run, never sent: staging leaves it (a version it knows), the healing adopts it
        tx.executeWithoutResult(st -> ledger.stage(List.of(dossier("SAME", 10, null)), "run-0"));
        ledger.rememberComparison(RUN, List.of(copy("SAME", 10, true)), List.of("LACKS"), true);

        stageAll();
        assertThat(statuses()).containsEntry("SAME", "PENDING").containsEntry("LACKS", "DELIVERED");
        long[] healed = ledger.healByComparison(RUN, true, 1);

        assertThat(healed).containsExactly(1, 1); // LACKS reopened, SAME adopted
        assertThat(statuses())
                .containsEntry("SAME", "DELIVERED/ADOPTED")
                .containsEntry("SAME/1", "DELIVERED/ADOPTED")
                .containsEntry("LACKS", "PENDING")
                .containsEntry("LACKS/1", "PENDING");
        assertThat(jdbc.queryForObject("select count(*) from portal_copy", Long.class))
                .isZero();
    }

    private String statusOf(String key, long version) {
        return jdbc.queryForObject(
                "select status || coalesce('/' || reason, '') from ledger where record_key = ? and version = ?",
                String.class,
                key,
                version);
    }

    @Test
    void aLaterVersionSupersedesTheWaitingOneAndAFixedDossierReleasesItsHeldBackSteps() {
        tx.executeWithoutResult(st -> ledger.stage(
                List.of(
                        dossier("FIX", 10, "DOSSIER_INVALID"),
                        step("FIX", 1, "20251130090000"),
                        dossier("WAIT", 10, null)),
                "run-0"));
        assertThat(statusOf("FIX/1", 1)).isEqualTo("QUARANTINED/PARENT_QUARANTINED");

        // the next extraction: the city fixed FIX (a new version) and changed WAIT before it was sent
        tx.executeWithoutResult(st -> ledger.stage(
                List.of(dossier("FIX", 11, null), step("FIX", 1, "20251130090000"), dossier("WAIT", 11, null)),
                "run-1"));

        assertThat(statusOf("FIX/1", 1))
                .as("its dossier is valid now: the step is sent")
                .isEqualTo("PENDING");
        assertThat(statusOf("FIX", 10)).isEqualTo("QUARANTINED/DOSSIER_INVALID");
        assertThat(statusOf("FIX", 11)).isEqualTo("PENDING");
        assertThat(statusOf("WAIT", 10)).isEqualTo("SUPERSEDED");
        assertThat(statusOf("WAIT", 11)).isEqualTo("PENDING");
    }
}
