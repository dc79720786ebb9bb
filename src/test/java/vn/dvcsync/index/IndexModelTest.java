package vn.dvcsync.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static vn.dvcsync.reconcile.IndexFacts.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;

/** The default model of mappings/index-model.yaml against hand-computed numbers. */
class IndexModelTest {

    static final IndexModel MODEL = IndexModel.load(Path.of("mappings/index-model.yaml"));

    @TempDir
    Path dir;

    /**
     * Province unit P holds the procedures; units U1 and U2 the dossiers. Province totals:
     * procedures 7 of 10 public on time; 200 dossiers received, 190 on the portal, 180 with a current status,
     * on time 195 (city) and 185 (portal), online 100/98, paid online 30/30, digitised 100/95.
     */
    static IndexFacts facts() {
        IndexFacts f = new IndexFacts();
        f.unitName("U1", "Sở Tư pháp");
        f.add("P", PROCEDURES_IN_FORCE, 10);
        f.add("P", PROCEDURES_PUBLIC_ON_TIME, 7);
        unit(f, "U1", 100, 90, 80, 95, 85, 40, 38, 10, 10, 50, 45);
        unit(f, "U2", 100, 100, 100, 100, 100, 60, 60, 20, 20, 50, 50);
        return f;
    }

    static void unit(IndexFacts f, String unit, long... n) {
        String[] metrics = {
            DOSSIERS_RECEIVED,
            DOSSIERS_ON_PORTAL,
            DOSSIERS_STATUS_CURRENT,
            DOSSIERS_ON_TIME_CITY,
            DOSSIERS_ON_TIME_PORTAL,
            DOSSIERS_ONLINE_CITY,
            DOSSIERS_ONLINE_PORTAL,
            DOSSIERS_PAID_ONLINE_CITY,
            DOSSIERS_PAID_ONLINE_PORTAL,
            DOSSIERS_DIGITISED_CITY,
            DOSSIERS_DIGITISED_PORTAL
        };
        for (int i = 0; i < metrics.length; i++) {
            f.add(unit, metrics[i], n[i]);
        }
    }

    static Mismatch m(String category, String recordType, String field, String cityValue) {
        return new Mismatch(category, recordType, "H26.01-250101-0001", "U1", "Sở Tư pháp", field, cityValue, "x");
    }

    static Map<String, GroupScore> byGroup(List<GroupScore> scores) {
        return scores.stream().collect(Collectors.toMap(GroupScore::group, g -> g));
    }

    @Test
    void provinceWideGroupsFromTheCityAndFromThePortal() {
        Map<String, GroupScore> g = byGroup(MODEL.estimate(facts(), ""));
        assertThat(g.keySet())
                .containsExactlyInAnyOrder("publicity", "on_time", "online_services", "online_payment", "digitisation");
        // publicity: 6×7/10 + 6×190/200 + 6×180/200 = 4.2 + 5.7 + 5.4
        assertThat(g.get("publicity").portal()).isCloseTo(15.3, within(1e-9));
        assertThat(g.get("publicity").city()).isCloseTo(18.0, within(1e-9));
        assertThat(g.get("publicity").max()).isEqualTo(18.0);
        assertThat(g.get("publicity").name()).isEqualTo("Công khai, minh bạch");
        assertThat(g.get("on_time").city()).isCloseTo(19.5, within(1e-9)); // 20 × 195/200
        assertThat(g.get("on_time").portal()).isCloseTo(18.5, within(1e-9)); // 20 × 185/200
        assertThat(g.get("online_services").city()).isCloseTo(6.0, within(1e-9)); // 12 × 100/200
        assertThat(g.get("online_services").portal()).isCloseTo(5.88, within(1e-9));
        assertThat(g.get("online_payment").portal()).isCloseTo(1.5, within(1e-9)); // 10 × 30/200
        assertThat(g.get("digitisation").city()).isCloseTo(11.0, within(1e-9)); // 22 × 100/200
        assertThat(g.get("digitisation").portal()).isCloseTo(10.45, within(1e-9));
    }

    @Test
    void aUnitWithoutProceduresIsScoredOnTheRatiosThatApply() {
        Map<String, GroupScore> u1 = byGroup(MODEL.estimate(facts(), "U1"));
        // publicity without the procedure ratio: 18 × (6×0.9 + 6×0.8) / 12
        assertThat(u1.get("publicity").portal()).isCloseTo(15.3, within(1e-9));
        assertThat(u1.get("publicity").unitName()).isEqualTo("Sở Tư pháp");
        assertThat(u1.get("on_time").city()).isCloseTo(19.0, within(1e-9));
        assertThat(u1.get("on_time").portal()).isCloseTo(17.0, within(1e-9));

        Map<String, GroupScore> p = byGroup(MODEL.estimate(facts(), "P"));
        assertThat(p.get("publicity").portal()).isCloseTo(12.6, within(1e-9)); // 18 × 0.7
        assertThat(p.get("on_time").city()).isNull();
        assertThat(p.get("on_time").portal()).isNull();
    }

    @Test
    void estimateAllIsProvinceWideThenEachUnit() {
        List<GroupScore> all = MODEL.estimateAll(facts());
        assertThat(all).hasSize(5 * 4);
        assertThat(all.subList(0, 5)).allMatch(g -> g.unitCode().isEmpty());
        assertThat(all.stream().map(GroupScore::unitCode).distinct()).containsExactly("", "P", "U1", "U2");
    }

    @Test
    void impactIsTheProvinceWideGainOfMovingOneRecordToThePassingSide() {
        IndexFacts f = facts();
        assertThat(MODEL.impact(m("PROCEDURE_NOT_PUBLIC", "PROCEDURE", "", null), f))
                .isCloseTo(0.6, within(1e-12)); // 6 × 1/10
        assertThat(MODEL.impact(m("PROCEDURE_PUBLIC_LATE", "PROCEDURE", "", null), f))
                .isCloseTo(0.6, within(1e-12));
        // present 6/200 + status current 6/200 + on time 20/200
        assertThat(MODEL.impact(m("DOSSIER_MISSING_ON_PORTAL", "DOSSIER", "", null), f))
                .isCloseTo(0.16, within(1e-12));
        assertThat(MODEL.impact(m("DOSSIER_INVALID", "DOSSIER", "MaTTHC", null), f))
                .isCloseTo(0.16, within(1e-12));
        assertThat(MODEL.impact(m("DOSSIER_STALE", "DOSSIER", "", null), f)).isCloseTo(0.03, within(1e-12));
        assertThat(MODEL.impact(m("DOSSIER_STATUS_MISMATCH", "DOSSIER", "TrangThaiHoSo", "4"), f))
                .isCloseTo(0.13, within(1e-12));
        assertThat(MODEL.impact(m("DOSSIER_FIELD_MISMATCH", "DOSSIER", "NgayHenTra", "20250101000000"), f))
                .isCloseTo(0.1, within(1e-12));
        assertThat(MODEL.impact(m("DOSSIER_FIELD_MISMATCH", "DOSSIER", "KenhThucHien", "2"), f))
                .isCloseTo(0.06, within(1e-12)); // 12/200
    }

    @Test
    void nothingIsGainedWhereTheRecordWouldNotPassOrThePortalAlreadyMatchesTheCity() {
        IndexFacts f = facts();
        assertThat(MODEL.impact(m("DOSSIER_FIELD_MISMATCH", "DOSSIER", "KenhThucHien", "1"), f))
                .isZero();
        assertThat(MODEL.impact(m("DOSSIER_FIELD_MISMATCH", "DOSSIER", "TenTTHC", "Cấp phiếu lý lịch tư pháp"), f))
                .isZero();
        assertThat(MODEL.impact(m("DOSSIER_FIELD_MISMATCH", "DOSSIER", "DuocThanhToanTrucTuyen", "1"), f))
                .isZero(); // 30 = 30
        for (String c : List.of(
                "DOSSIER_ORPHAN_ON_PORTAL", "PROCEDURE_UNKNOWN", "APPLICANT_NOT_FOUND", "APPLICANT_DATA_MISMATCH")) {
            assertThat(MODEL.impact(m(c, "DOSSIER", "", null), f)).as(c).isZero();
        }
        assertThat(MODEL.impact(m("DOSSIER_MISSING_ON_PORTAL", "DOSSIER", "", null), new IndexFacts()))
                .isZero();
    }

    @Test
    void withoutProceduresThePublicityRatiosThatApplyCarryTheGroup() {
        IndexFacts f = new IndexFacts();
        unit(f, "U1", 100, 90, 80, 95, 85, 40, 38, 10, 10, 50, 45);
        unit(f, "U2", 100, 100, 100, 100, 100, 60, 60, 20, 20, 50, 50);
        // publicity scaled 18/12: 1.5 × (6/200 + 6/200), plus on time 20/200
        assertThat(MODEL.impact(m("DOSSIER_MISSING_ON_PORTAL", "DOSSIER", "", null), f))
                .isCloseTo(0.19, within(1e-12));
    }

    @Test
    void ratioMasksNameTheRatiosAMismatchFixes() {
        IndexFacts f = facts();
        long missing = MODEL.ratiosFixedBy(m("DOSSIER_MISSING_ON_PORTAL", "DOSSIER", "", null));
        long stale = MODEL.ratiosFixedBy(m("DOSSIER_STALE", "DOSSIER", "", null));
        assertThat(Long.bitCount(missing)).isEqualTo(3);
        assertThat(missing & stale).isEqualTo(stale);
        assertThat(MODEL.impactOf(missing & ~stale, f)).isCloseTo(0.13, within(1e-12));
        assertThat(MODEL.ratioCount()).isEqualTo(7);
    }

    @Test
    void mistakesNameTheFileAndKey() throws IOException {
        assertLoadFails("""
                g:
                  name: G
                  max: 6
                  ratios:
                    r: {points: 6, denominator: nope, city: dossiers_received, portal: dossiers_on_portal}
                """, "g.ratios.r.denominator: unknown metric 'nope'");
        assertLoadFails("""
                g:
                  name: G
                  max: 10
                  ratios:
                    r: {points: 6, denominator: dossiers_received, city: dossiers_received, portal: dossiers_on_portal}
                """, "g: the points of its ratios add up to 6.0, not to max 10.0");
        assertLoadFails("""
                g:
                  name: G
                  max: 6
                  ratios:
                    r: {points: 6, denominator: dossiers_received, city: dossiers_received, portal: dossiers_on_portal,
                        fixed_by: [DOSSIER_MISSING_ON_PORTAL, DOSSIER_MISING]}
                """, "g.ratios.r.fixed_by[1]: unknown category 'DOSSIER_MISING'");
        assertLoadFails("""
                g:
                  name: G
                  maximum: 6
                """, "g: unknown key 'maximum'");
        assertLoadFails("""
                g:
                  name: G
                  max: 6
                  ratios:
                    r: {points: 6, denominator: dossiers_received, portal: dossiers_on_portal}
                """, "g.ratios.r.city: missing");
        assertThatThrownBy(() -> IndexModel.load(dir.resolve("absent.yaml")))
                .hasMessageContaining("absent.yaml: file not found");
    }

    private void assertLoadFails(String yaml, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("index-model.yaml"), yaml);
        assertThatThrownBy(() -> IndexModel.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
    }
}
