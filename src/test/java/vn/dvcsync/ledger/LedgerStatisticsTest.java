package vn.dvcsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * After an extraction that grew the ledger by a tenth or more, its planner statistics are refreshed at once, so that
 * the push that follows does not plan for the ledger as it was (a small one: not refreshed for a few rows).
 */
class LedgerStatisticsTest {

    @Test
    void aBigExtractionRefreshesTheLedgersStatisticsAndASmallOneDoesNot() {
        DataSource store = TestPostgres.store("ledger_statistics").dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(store);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(store));
        jdbc.update("truncate ledger cascade");
        jdbc.execute("analyze ledger");
        Ledger ledger = new Ledger(jdbc, tx, new LedgerProperties(3, Duration.ZERO, Duration.ofMinutes(5)));

        tx.executeWithoutResult(st -> ledger.stage(dossiers(0, 50), "run-1"));
        ledger.analyseIfGrown();
        assertThat(estimatedRows(jdbc)).as("50 rows: left to autovacuum").isLessThan(50);

        tx.executeWithoutResult(st -> ledger.stage(dossiers(50, 12_000), "run-1"));
        ledger.analyseIfGrown();
        assertThat(estimatedRows(jdbc))
                .as("12,000 rows more: the statistics know them")
                .isEqualTo(12_050);
    }

    private static long estimatedRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select greatest(reltuples, 0)::bigint from pg_class where oid = 'ledger'::regclass", Long.class);
    }

    private static List<LedgerEntry> dossiers(int from, int count) {
        List<LedgerEntry> entries = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            String key = "H26.01-251201-" + i;
            entries.add(new LedgerEntry(
                    Ledger.DOSSIER, key, 1, null, "U1", null, null, null, "{\"MaHoSo\":\"" + key + "\"}"));
        }
        return entries;
    }
}
