package vn.dvcsync.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * Incremental extraction by watermark on (cap_nhat_luc, id): no record skipped when timestamps tie
 * across a page boundary or when a transaction commits late, and a restart goes on from the watermark.
 */
@SpringBootTest(properties = {"dvcsync.demo.dossiers=40", "dvcsync.city.page-size=7"})
@ActiveProfiles("test")
class ExtractionByWatermarkTest {

    private static final AtomicLong NEXT_ID = new AtomicLong(900_000);

    @Autowired
    RunService runs;

    @Autowired
    DemoCity demo;

    @Autowired
    JdbcTemplate store;

    JdbcTemplate city;
    OffsetDateTime future;

    @BeforeEach
    void catchUp() {
        city = new JdbcTemplate(demo.writableDataSource());
        runs.execute(RunType.INCREMENTAL);
        future = store.queryForObject("select ts from watermark where name = 'dossiers'", OffsetDateTime.class)
                .plusHours(1)
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Test
    void tiesOnTheTimestampAcrossPagesAreAllRead() {
        List<String> codes = List.of(
                insert(city, future),
                insert(city, future),
                insert(city, future),
                insert(city, future),
                insert(city, future),
                insert(city, future),
                insert(city, future),
                insert(city, future),
                insert(city, future),
                insert(city, future));
        Run run = runs.execute(RunType.INCREMENTAL);
        assertThat(run.counts())
                .containsEntry("extracted.new_versions", codes.size() + stepsPerDossier() * codes.size());
        assertThat(delivered(codes)).isEqualTo(codes.size());
    }

    @Test
    void aTransactionCommittedLateWithAnOlderTimestampIsStillRead() throws Exception {
        DataSource ds = demo.writableDataSource();
        try (Connection late = ds.getConnection()) {
            late.setAutoCommit(false);
            String lateCode = insert(new JdbcTemplate(new SingleConnection(late)), future);
            String earlyCode = insert(city, future.plusSeconds(30));

            runs.execute(RunType.INCREMENTAL);
            assertThat(delivered(List.of(earlyCode))).isEqualTo(1);
            assertThat(delivered(List.of(lateCode))).isZero();

            late.commit();
            runs.execute(RunType.INCREMENTAL);
            assertThat(delivered(List.of(lateCode))).isEqualTo(1);
        }
    }

    @Test
    void aRestartGoesOnFromTheWatermarkWithoutSendingAgain() {
        String code = insert(city, future);
        runs.execute(RunType.INCREMENTAL);
        OffsetDateTime watermark =
                store.queryForObject("select ts from watermark where name = 'dossiers'", OffsetDateTime.class);
        assertThat(watermark.toInstant()).isEqualTo(future.toInstant());

        Run again = runs.execute(RunType.INCREMENTAL);
        assertThat(again.counts().getOrDefault("extracted.new_versions", 0)).isEqualTo(0);
        assertThat(again.counts().getOrDefault("run.dossier.delivered", 0)).isEqualTo(0);

        city.update(
                "update city.ho_so set cap_nhat_luc = ?, trang_thai = 'DANG_XU_LY' where ma_ho_so = ?",
                future.plusMinutes(1),
                code);
        Run changed = runs.execute(RunType.INCREMENTAL);
        assertThat(changed.counts()).containsEntry("run.dossier.delivered", 1);
        assertThat(store.queryForObject(
                        "select count(*) from ledger where record_key = ? and status = 'DELIVERED'",
                        Integer.class,
                        code))
                .isEqualTo(1);
    }

    private int stepsPerDossier() {
        return 1;
    }

    private int delivered(List<String> codes) {
        return store.queryForObject(
                "select count(*) from ledger where record_type = 'DOSSIER' and status = 'DELIVERED' and record_key = any(?)",
                Integer.class,
                (Object) codes.toArray(String[]::new));
    }

    /** A valid new dossier (one step) of an existing procedure, unit and organisation applicant. */
    private static String insert(JdbcTemplate jdbc, OffsetDateTime updatedAt) {
        long id = NEXT_ID.incrementAndGet();
        String code = "H26.99-TEST-" + id;
        jdbc.update("""
                insert into city.ho_so (id, ma_ho_so, thu_tuc_id, don_vi_id, chu_ho_so_id, trich_yeu, kenh, trang_thai,
                                        ngay_tiep_nhan, ngay_hen_tra, cap_nhat_luc)
                select ?, ?, (select min(t.id) from city.thu_tuc t
                              where exists (select 1 from demo.catalogue c where c.ma_tthc = t.ma_tthc)),
                       (select min(id) from city.don_vi),
                       (select min(id) from city.chu_ho_so where loai_doi_tuong = 2),
                       'Hồ sơ thử nghiệm', 1, 'MOI_TIEP_NHAN', ?, ?, ?
                """, id, code, updatedAt.minusDays(1), updatedAt.plusDays(10), updatedAt);
        jdbc.update("""
                insert into city.tien_do (id, ho_so_id, thoi_diem, nguoi_xu_ly, noi_dung, trang_thai)
                values (?, ?, ?, 'Cán bộ một cửa', 'Tiếp nhận hồ sơ', 'MOI_TIEP_NHAN')
                """, id, id, updatedAt.minusDays(1));
        return code;
    }

    /** A DataSource over one open connection, so a test can hold a transaction open. */
    private static final class SingleConnection extends org.springframework.jdbc.datasource.SingleConnectionDataSource {
        SingleConnection(Connection c) {
            super(c, true);
        }
    }
}
