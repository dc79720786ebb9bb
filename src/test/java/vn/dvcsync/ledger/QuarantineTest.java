package vn.dvcsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * The quarantine as an admin sees it: by reason and rule, each record with when its version was extracted; a record
 * the city fixed (a newer version extracted) drops out.
 */
class QuarantineTest {

    private static JdbcTemplate jdbc;
    private static Ledger ledger;
    private static Quarantine quarantine;

    @BeforeAll
    static void database() {
        DataSource store = TestPostgres.store("quarantine").dataSource();
        jdbc = new JdbcTemplate(store);
        ledger = new Ledger(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(store)),
                new LedgerProperties(5, Duration.ZERO, Duration.ofMinutes(5)));
        quarantine = new Quarantine(jdbc);
    }

    @Test
    void byReasonAndRuleWithoutWhatTheCityFixed() {
        ledger.stage(
                List.of(
                        invalid("H26.01-000001", 1, "NgayHenTra", "000.00.04.H26"),
                        invalid("H26.01-000002", 1, "NgayHenTra", "000.00.07.H26"),
                        invalid("H26.01-000003", 1, "MaTTHC", "000.00.04.H26"),
                        new LedgerEntry(
                                Ledger.DOSSIER,
                                "H26.01-000004",
                                1,
                                null,
                                "000.00.04.H26",
                                "PROCEDURE_UNKNOWN",
                                "MaTTHC",
                                "H26.01-000004: procedure 9.999 unknown to the portal",
                                "{}")),
                "run-1");
        // the city fixed H26.01-000003: the next extraction brings a version that passes
        ledger.stage(
                List.of(new LedgerEntry(
                        Ledger.DOSSIER, "H26.01-000003", 2, null, "000.00.04.H26", null, null, null, "{}")),
                "run-2");

        assertThat(quarantine.reasons())
                .containsExactly(
                        new Quarantine.Reason("DOSSIER", "DOSSIER_INVALID", "NgayHenTra", 2),
                        new Quarantine.Reason("DOSSIER", "PROCEDURE_UNKNOWN", "MaTTHC", 1));

        Page<Quarantine.Record> invalid =
                quarantine.list(new Quarantine.Filter(null, "DOSSIER_INVALID", null, null), 0, 10);
        assertThat(invalid.total()).isEqualTo(2);
        assertThat(invalid.items())
                .extracting(Quarantine.Record::recordKey)
                .containsExactlyInAnyOrder("H26.01-000001", "H26.01-000002");
        assertThat(invalid.items()).allSatisfy(r -> {
            assertThat(r.rule()).isEqualTo("NgayHenTra");
            assertThat(r.message()).contains(r.recordKey()).contains("NgayHenTra");
            assertThat(r.extractedAt()).isNotNull();
        });
        assertThat(quarantine
                        .list(new Quarantine.Filter("dossier", null, "NgayHenTra", "000.00.07.H26"), 0, 10)
                        .items())
                .extracting(Quarantine.Record::recordKey)
                .containsExactly("H26.01-000002");
        assertThat(quarantine
                        .list(new Quarantine.Filter(null, null, "MaTTHC", null), 0, 10)
                        .items())
                .extracting(Quarantine.Record::recordKey)
                .as("H26.01-000003 was fixed")
                .containsExactly("H26.01-000004");
    }

    private static LedgerEntry invalid(String key, long version, String rule, String unit) {
        return new LedgerEntry(
                Ledger.DOSSIER,
                key,
                version,
                null,
                unit,
                "DOSSIER_INVALID",
                rule,
                key + ": " + rule + " breaks the portal's rule",
                "{}");
    }
}
