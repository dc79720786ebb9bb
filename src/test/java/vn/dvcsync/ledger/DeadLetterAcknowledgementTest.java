package vn.dvcsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.ledger.DeadLetters.Filter;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * An admin closes dead letters without replaying them: by id or by filter, with a reason; they leave the list, are
 * listed apart with who closed them and why, a replay no longer touches them, the progress steps of a dossier found
 * on the portal go after it, and a nightly that finds the portal without the dossier sends it again.
 */
class DeadLetterAcknowledgementTest {

    private static final String UNIT_A = "000.00.04.H26";
    private static final String UNIT_B = "000.00.07.H26";

    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;

    private Ledger ledger;
    private DeadLetters deadLetters;

    @BeforeAll
    static void database() {
        DataSource store = TestPostgres.store("acknowledge").dataSource();
        jdbc = new JdbcTemplate(store);
        tx = new TransactionTemplate(new DataSourceTransactionManager(store));
    }

    @BeforeEach
    void threeDeadLettersAndAStepWaitingForItsDossier() {
        jdbc.update("truncate ledger cascade"); // and its push attempts
        ledger = new Ledger(jdbc, tx, new LedgerProperties(1, Duration.ZERO, Duration.ofMinutes(5)));
        deadLetters = new DeadLetters(jdbc);
        ledger.stage(
                List.of(
                        dossier("H26.01-000001", UNIT_A),
                        dossier("H26.01-000002", UNIT_A),
                        dossier("H26.02-000003", UNIT_B),
                        new LedgerEntry(
                                Ledger.STEP, "H26.01-000001/1", 11, "H26.01-000001", UNIT_A, null, null, null, "{}")),
                "run-1");
        List<Long> claimed = ledger.claimDossiers(10).stream().map(Claimed::id).toList();
        assertThat(claimed).hasSize(3);
        ledger.markAttemptFailed(claimed, "HTTP 503 from the portal", false, "run-1");
        assertThat(deadLetters.list(Filter.of(null, null, null), 0, 10).total()).isEqualTo(3);
    }

    @Test
    void oneAcknowledgedByIdLeavesTheListAndIsListedApartWithWhoAndWhy() {
        long id = idOf("H26.01-000001");

        assertThat(deadLetters.acknowledge(Filter.one(id), "admin", "  found on the portal "))
                .isEqualTo(1);

        assertThat(deadLetters.list(Filter.of(null, null, null), 0, 10).items())
                .extracting(DeadLetters.DeadLetter::recordKey)
                .containsExactly("H26.01-000002", "H26.02-000003");
        Page<DeadLetters.Acknowledged> closed = deadLetters.acknowledged(Filter.of(null, null, null), 0, 10);
        assertThat(closed.total()).isEqualTo(1);
        DeadLetters.Acknowledged a = closed.items().get(0);
        assertThat(a.recordKey()).isEqualTo("H26.01-000001");
        assertThat(a.acknowledgedBy()).isEqualTo("admin");
        assertThat(a.reason()).isEqualTo("found on the portal");
        assertThat(a.lastError()).as("the record of what happened stays").isEqualTo("HTTP 503 from the portal");
        assertThat(a.acknowledgedAt()).isNotNull();
        assertThat(deadLetters.status(id)).contains("ACKNOWLEDGED");

        assertThat(deadLetters.acknowledge(Filter.one(id), "other", "again"))
                .as("closed already: nothing changes")
                .isZero();
        assertThat(deadLetters
                        .acknowledged(Filter.of(null, null, null), 0, 10)
                        .items()
                        .get(0)
                        .acknowledgedBy())
                .isEqualTo("admin");
    }

    @Test
    void manyByFilterAndByIdsWithAFilter() {
        assertThat(deadLetters.acknowledge(Filter.of("dossier", UNIT_B, "http 503"), "admin", "need not go"))
                .isEqualTo(1);
        assertThat(deadLetters.list(Filter.of(null, UNIT_B, null), 0, 10).total())
                .isZero();

        long one = idOf("H26.01-000001");
        long two = idOf("H26.01-000002");
        assertThat(deadLetters.acknowledge(Filter.of(null, UNIT_B, null).only(List.of(one, two)), "admin", "x"))
                .as("ids of another unit than the filter's")
                .isZero();
        assertThat(deadLetters.acknowledge(Filter.of(null, null, null).only(List.of(one, two)), "admin", "on portal"))
                .isEqualTo(2);
        assertThat(deadLetters.list(Filter.of(null, null, null), 0, 10).total()).isZero();
        assertThat(deadLetters.acknowledged(Filter.of(null, null, null), 0, 10).items())
                .extracting(DeadLetters.Acknowledged::reason)
                .containsExactlyInAnyOrder("need not go", "on portal", "on portal");
    }

    @Test
    void aReasonIsRequired() {
        assertThatThrownBy(() -> deadLetters.acknowledge(Filter.of(null, null, null), "admin", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reason");
        assertThat(deadLetters.list(Filter.of(null, null, null), 0, 10).total()).isEqualTo(3);
    }

    @Test
    void aReplayLeavesAcknowledgedOnesClosed() {
        deadLetters.acknowledge(Filter.one(idOf("H26.01-000001")), "admin", "found on the portal");

        assertThat(deadLetters.replay(Filter.of(null, null, null), "replay-1")).isEqualTo(2);
        assertThat(deadLetters.status(idOf("H26.01-000001"))).contains("ACKNOWLEDGED");
        assertThat(deadLetters.replay(Filter.one(idOf("H26.01-000001")), "replay-2"))
                .isZero();
    }

    @Test
    void theStepsOfADossierFoundOnThePortalGoAfterIt() {
        assertThat(ledger.claimSteps(10)).as("its dossier is not on the portal").isEmpty();

        deadLetters.acknowledge(Filter.one(idOf("H26.01-000001")), "admin", "found on the portal");

        assertThat(ledger.claimSteps(10)).extracting(Claimed::recordKey).containsExactly("H26.01-000001/1");
    }

    @Test
    void aNightlyThatFindsThePortalWithoutItSendsItAgain() {
        long id = idOf("H26.01-000001");
        deadLetters.acknowledge(Filter.one(id), "admin", "found on the portal");

        assertThat(ledger.reopen(List.of("H26.01-000001"), true, "nightly-1")).isEqualTo(1);

        assertThat(deadLetters.status(id)).contains("PENDING");
        assertThat(ledger.claimDossiers(10)).extracting(Claimed::recordKey).containsExactly("H26.01-000001");
    }

    private static long idOf(String key) {
        return jdbc.queryForObject("select id from ledger where record_key = ?", Long.class, key);
    }

    private static LedgerEntry dossier(String key, String unit) {
        return new LedgerEntry(Ledger.DOSSIER, key, 1, null, unit, null, null, null, "{\"MaHoSo\":\"" + key + "\"}");
    }
}
