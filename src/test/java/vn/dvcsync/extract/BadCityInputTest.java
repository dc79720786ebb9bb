package vn.dvcsync.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * Malformed city rows, in a city whose schema is looser than the reference one (as older systems are:
 * nullable columns, dates and numbers kept as text, unbounded text): each is quarantined with the rule it
 * breaks, never sent, while the run goes on and delivers the rest. By the default text policy
 * ({@code mappings/text-policy.yaml}) text not in NFC is sent in NFC and text that looks like SQL is sent as
 * written: both are the city's text, and reconciliation finds nothing to report about them.
 */
@SpringBootTest(
        properties = {
            "dvcsync.demo.dossiers=200",
            "dvcsync.population.max-lookups-per-run=0",
            "dvcsync.report-dir=target/test-reports/bad-city-input"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadCityInputTest {

    private static final String NAME_NFC = "Nguyễn Thị Hường";
    private static final String SQL_SUMMARY = "Robert'); DROP TABLE ledger; DELETE FROM city.ho_so; --";
    private static final String SQL_CODE = "H26.99'); DROP TABLE ledger;--";
    private static final String SQL_WORDS = "Cấp giấy phép (select mẫu số 2); update hồ sơ - bổ sung \"bản vẽ\"";

    @Autowired
    RunService runs;

    @Autowired
    DemoCity demo;

    @Autowired
    PortalSimulator portal;

    @Autowired
    JdbcTemplate store;

    JdbcTemplate city;
    long template;
    long nextId;
    /** city id → expected ledger rule, with the violation's rule id in brackets when it names one (null: delivered) */
    final Map<Long, String> expected = new LinkedHashMap<>();

    Run run;
    Run reconcile;

    @BeforeAll
    void aCityFullOfSurprises() {
        city = new JdbcTemplate(demo.writableDataSource());
        city.execute("""
                alter table city.ho_so alter column ma_ho_so drop not null;
                alter table city.ho_so alter column ma_ho_so type text;
                alter table city.ho_so alter column thu_tuc_id drop not null;
                alter table city.ho_so alter column ngay_tiep_nhan drop not null;
                alter table city.ho_so alter column trich_yeu type text;
                alter table city.ho_so alter column kenh type text;
                alter table city.ho_so alter column ngay_hen_tra type text
                    using to_char(ngay_hen_tra at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS') || '+07';
                alter table city.chu_ho_so alter column ho_ten type text;
                alter table city.chu_ho_so alter column so_dinh_danh type text;
                """);
        Set<String> planted =
                demo.planted().stream().map(DemoCity.PlantedDefect::recordKey).collect(Collectors.toSet());
        template = city.queryForList("""
                select h.id, h.ma_ho_so, t.ma_tthc from city.ho_so h join city.chu_ho_so c on c.id = h.chu_ho_so_id
                join city.thu_tuc t on t.id = h.thu_tuc_id
                where c.loai_doi_tuong = 1 and length(c.so_dinh_danh) = 12 and h.trang_thai = 'DANG_XU_LY'
                order by h.id
                """).stream()
                .filter(r ->
                        !planted.contains((String) r.get("ma_ho_so")) && !planted.contains((String) r.get("ma_tthc")))
                .map(r -> ((Number) r.get("id")).longValue())
                .findFirst()
                .orElseThrow();
        nextId = city.queryForObject("select max(id) from city.ho_so", Long.class) + 1000;

        bad(null, "H26.BAD-CONTROL", Map.of());
        bad("MaHoSo", null, Map.of());
        bad("MaTTHC", "H26.BAD-PROC", Map.of("thu_tuc_id", NULL));
        bad("NgayTiepNhan", "H26.BAD-RECV", Map.of("ngay_tiep_nhan", NULL));
        bad("unreadable:due_at", "H26.BAD-DATE", Map.of("ngay_hen_tra", "2024-02-30 08:00:00+07"));
        bad("NgayHenTra", "H26.BAD-ORDER", Map.of("ngay_hen_tra", "2000-01-01 08:00:00+07"));
        bad("unreadable:channel", "H26.BAD-CHANNEL", Map.of("kenh", "quầy"));
        bad("TrangThaiHoSo", "H26.BAD-STATUS", Map.of("trang_thai", "KHONG_RO"));
        bad("TrichYeuHoSo", "H26.BAD-LONG", Map.of("trich_yeu", "x".repeat(2001)));
        bad("TrichYeuHoSo", "H26.BAD-10MB", Map.of("trich_yeu", "Đơn ".repeat(10 * 1024 * 1024 / 4)));
        bad("TrichYeuHoSo", "H26.BAD-BELL", Map.of("trich_yeu", "Xin cấp\u0007 giấy phép"));
        bad("MaHoSo", "H26.BAD-" + "9".repeat(60), Map.of());
        bad("MaHoSo", "H26.BAD-CHỮ", Map.of());
        badApplicant("ChuHoSo", "H26.BAD-NAME", Map.of("ho_ten", "Trần " + "Văn ".repeat(80)));
        badApplicant("ChuHoSo", "H26.BAD-ESC", Map.of("ho_ten", "Lê\u001b[31m Văn Tám"));
        badApplicant("DinhDanhCHS", "H26.BAD-ID-SHORT", Map.of("so_dinh_danh", "12345"));
        badApplicant("DinhDanhCHS", "H26.BAD-ID-ALPHA", Map.of("so_dinh_danh", "0010AB567890"));
        badApplicant("DinhDanhCHS", "H26.BAD-ID-NONE", Map.of("so_dinh_danh", NULL));
        badApplicant(null, "H26.NFD", Map.of("ho_ten", Normalizer.normalize(NAME_NFC, Normalizer.Form.NFD)));
        bad(null, "H26.SQL", Map.of("trich_yeu", SQL_SUMMARY));
        bad(null, SQL_CODE, Map.of());
        bad(null, "H26.SQL-WORDS", Map.of("trich_yeu", SQL_WORDS));

        run = runs.execute(RunType.INCREMENTAL);
        reconcile = runs.execute(RunType.RECONCILE);
    }

    @Test
    void theRunGoesOnAndEveryRecordIsAccountedFor() {
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        long extracted = n("extracted.dossiers");
        long quarantined = run.counts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("run.dossier.quarantined."))
                .mapToLong(e -> ((Number) e.getValue()).longValue())
                .sum();
        assertThat(extracted).isEqualTo(city.queryForObject("select count(*) from city.ho_so", Long.class));
        // delivered by the push, or adopted (first contact: the demo portal held it as the city does)
        assertThat(n("run.dossier.delivered")
                        + n("run.dossier.delivered.ADOPTED")
                        + quarantined
                        + n("run.dossier.failed"))
                .isEqualTo(extracted);
        assertThat(n("run.dossier.pending")).isZero();
        assertThat(n("quarantined.unreadable")).isEqualTo(2);
    }

    @Test
    void eachMalformedRowIsQuarantinedNamingItsRuleAndNeverSent() {
        expected.forEach((id, rule) -> {
            if (rule == null) {
                return;
            }
            Map<String, Object> row = ledgerRowOf(id);
            assertThat(row.get("status")).as("status of city dossier %d", id).isEqualTo("QUARANTINED");
            assertThat(row.get("reason")).as("reason of city dossier %d", id).isEqualTo("DOSSIER_INVALID");
            assertThat(row.get("rule")).as("rule of city dossier %d", id).isEqualTo(rule.split(" \\[")[0]);
            assertThat((String) row.get("message"))
                    .as("message of city dossier %d", id)
                    .contains(rule.replace("unreadable:", ""))
                    .hasSizeLessThan(5000);
            assertThat(portal.writes((String) row.get("record_key"))).isZero();
        });
    }

    @Test
    void decomposedAndSqlLookingTextIsDeliveredAndReconciliationFindsNothingAboutIt() {
        assertThat(reconcile.status()).isEqualTo("SUCCEEDED");
        assertThat(portal.dossier("H26.NFD").orElseThrow().path("ChuHoSo").asText())
                .as("sent in NFC")
                .isEqualTo(NAME_NFC);
        assertThat(portal.dossier("H26.SQL").orElseThrow().path("TrichYeuHoSo").asText())
                .isEqualTo(SQL_SUMMARY);
        assertThat(portal.dossier(SQL_CODE)).isPresent();
        assertThat(n("normalised.dossiers")).isEqualTo(1);
        List<String> reported = store.queryForList(
                "select record_key || ' ' || category from mismatch where run_id = ? and record_key in (?, ?, ?, ?)",
                String.class,
                reconcile.id(),
                "H26.NFD",
                "H26.SQL",
                SQL_CODE,
                "H26.SQL-WORDS");
        assertThat(reported).isEmpty();
    }

    @Test
    void textWithSqlWordsInOrdinarySentencesReachesThePortalAsWritten() {
        assertThat(portal.dossier("H26.SQL-WORDS")
                        .orElseThrow()
                        .path("TrichYeuHoSo")
                        .asText())
                .isEqualTo(SQL_WORDS);
        assertThat(portal.dossier("H26.BAD-CONTROL"))
                .as("the untouched copy of the template")
                .isPresent();
        assertThat(store.queryForObject("select count(*) from ledger", Long.class))
                .isPositive();
        assertThat(city.queryForObject("select count(*) from city.ho_so", Long.class))
                .isGreaterThan(200);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aRowFixedByTheCityIsSentWithItsNextVersion() {
        long id = expected.entrySet().stream()
                .filter(e -> "unreadable:due_at".equals(e.getValue()))
                .findFirst()
                .orElseThrow()
                .getKey();
        city.update(
                "update city.ho_so set ngay_hen_tra = '2099-03-01 08:00:00+07', cap_nhat_luc = now() where id = ?", id);

        assertThat(runs.execute(RunType.INCREMENTAL).status()).isEqualTo("SUCCEEDED");

        assertThat(ledgerRowOf(id).get("status")).isEqualTo("DELIVERED");
        assertThat(portal.dossier("H26.BAD-DATE")
                        .orElseThrow()
                        .path("NgayHenTra")
                        .asText())
                .isEqualTo("20990301080000");
    }

    private static final String NULL = "\u0000null";

    /** A copy of the template dossier with new id and code, the given columns changed, a new version. */
    private long bad(String rule, String code, Map<String, String> changes) {
        long id = nextId++;
        city.update("""
                insert into city.ho_so select ?, ?, thu_tuc_id, don_vi_id, chu_ho_so_id, trich_yeu, kenh, trang_thai,
                    ngay_nop, ngay_tiep_nhan, ngay_hen_tra, ngay_ket_thuc_xu_ly, ngay_tra, thanh_toan_truc_tuyen,
                    co_so_hoa, xac_thuc_vneid, now()
                from city.ho_so where id = ?
                """, id, code, template);
        changes.forEach((column, value) -> city.update(
                "update city.ho_so set " + column + " = ? where id = ?", value.equals(NULL) ? null : value, id));
        expected.put(id, rule);
        return id;
    }

    /** As {@link #bad}, with a copy of the template's applicant whose given columns are changed. */
    private void badApplicant(String rule, String code, Map<String, String> changes) {
        long dossier = bad(rule, code, Map.of());
        long applicant = city.queryForObject("select max(id) + 1 from city.chu_ho_so", Long.class);
        city.update("""
                insert into city.chu_ho_so select ?, loai_doi_tuong, so_dinh_danh, ho_ten, ngay_sinh, gioi_tinh,
                    dien_thoai, email, dia_chi
                from city.chu_ho_so where id = (select chu_ho_so_id from city.ho_so where id = ?)
                """, applicant, template);
        changes.forEach((column, value) -> city.update(
                "update city.chu_ho_so set " + column + " = ? where id = ?",
                value.equals(NULL) ? null : value,
                applicant));
        city.update("update city.ho_so set chu_ho_so_id = ? where id = ?", applicant, dossier);
    }

    private Map<String, Object> ledgerRowOf(long cityId) {
        String code = city.queryForObject(
                "select coalesce(ma_ho_so, '#city-id-' || id) from city.ho_so where id = ?", String.class, cityId);
        List<Map<String, Object>> rows = store.queryForList("""
                select record_key, status, reason, rule, message from ledger
                where record_type = 'DOSSIER' and record_key = ? order by version desc limit 1
                """, code);
        assertThat(rows).as("ledger row of %s", code).hasSize(1);
        return rows.get(0);
    }

    private long n(String key) {
        Object v = run.counts().get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
