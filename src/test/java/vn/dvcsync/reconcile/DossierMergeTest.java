package vn.dvcsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvcsync.reconcile.Fixtures.UNIT;
import static vn.dvcsync.reconcile.Fixtures.byCode;
import static vn.dvcsync.reconcile.Fixtures.byKey;
import static vn.dvcsync.reconcile.Fixtures.clean;
import static vn.dvcsync.reconcile.Fixtures.dossier;
import static vn.dvcsync.reconcile.Fixtures.merge;
import static vn.dvcsync.reconcile.Fixtures.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.canonical.Dossier;

class DossierMergeTest {

    @Test
    void aCleanDataSetGivesNoRowsAndFullFacts() {
        List<Dossier> city = new ArrayList<>(clean(40));
        city.set(
                3,
                dossier(
                        city.get(3).code(),
                        d -> d.finishedAt("2025-02-01T10:00:00+07:00", "2025-02-02T10:00:00+07:00")));
        city.set(7, dossier(city.get(7).code(), d -> {
            d.applicant = new Applicant(8L, 2, "0101234567", "Công ty TNHH Hoa Sen", null, null, null, null, null);
            d.channel = 1;
        }));

        Fixtures.Result result = merge(city, portal(city));

        assertThat(result.rows()).isEmpty();
        IndexFacts facts = result.facts();
        assertThat(facts.units()).containsExactly(UNIT);
        assertThat(facts.unitName(UNIT)).isEqualTo("Sở Xây dựng");
        for (String metric : List.of(
                IndexFacts.DOSSIERS_RECEIVED,
                IndexFacts.DOSSIERS_ON_PORTAL,
                IndexFacts.DOSSIERS_STATUS_CURRENT,
                IndexFacts.DOSSIERS_ON_TIME_CITY,
                IndexFacts.DOSSIERS_ON_TIME_PORTAL,
                IndexFacts.DOSSIERS_DIGITISED_CITY,
                IndexFacts.DOSSIERS_DIGITISED_PORTAL)) {
            assertThat(facts.get(UNIT, metric)).as(metric).isEqualTo(40);
        }
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_ONLINE_CITY)).isEqualTo(39);
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_ONLINE_PORTAL)).isEqualTo(39);
    }

    @Test
    void eachPlantedCategoryIsFoundWithExactCounts() {
        List<Dossier> city = new ArrayList<>(clean(30));
        List<ObjectNode> portal = new ArrayList<>(portal(city));
        Map<String, ObjectNode> copies =
                portal.stream().collect(Collectors.toMap(p -> p.get("MaHoSo").textValue(), Function.identity()));
        Function<Integer, String> code = i -> city.get(i).code();
        Function<Integer, ObjectNode> copy = i -> copies.get(code.apply(i));

        // missing: two dossiers the portal lacks; one it lacks because its procedure is not in the catalogue is
        // PROCEDURE_UNKNOWN, keyed by itself
        portal.remove(copy.apply(1));
        portal.remove(copy.apply(2));
        city.set(4, dossier(code.apply(4), d -> d.procedureCode = Fixtures.UNKNOWN_PROCEDURE));
        portal.remove(copy.apply(4));
        // orphans: before every city key, among them, after them
        portal.add(orphan(city.get(0), "H26.000.00.01-250110-0001"));
        portal.add(orphan(city.get(0), "H26.000.00.04-250110-0005a"));
        portal.add(orphan(city.get(0), "H26.000.00.09-250110-0001"));
        // status
        copy.apply(6).put("TrangThaiHoSo", "2");
        // stale: more than the window behind, and no NgayCapNhat at all; exactly the window behind is not stale
        copy.apply(7).put("NgayCapNhat", "20250110085959");
        copy.apply(8).remove("NgayCapNhat");
        copy.apply(9).put("NgayCapNhat", "20250110100000");
        // fields: a time, the unit, a time on the portal only, the ID number, two fields of one dossier
        copy.apply(10).put("NgayHenTra", "20250321170000");
        copy.apply(11).put("MaDonViXuLy", "000.00.05.H26");
        copy.apply(12).put("NgayTra", "20250201100000");
        ((ObjectNode) copy.apply(13).withArray("DinhDanhCHS").get(0)).put("SoDinhDanh", "001085099999");
        copy.apply(14).put("NgayKetThucXuLy", "20250201100000").put("ChuHoSo", "Nguyễn Văn Ân");
        // not differences: a city time with a fraction of a second and another offset, the same whole second
        city.set(15, dossier(code.apply(15), d -> d.received = OffsetDateTime.parse("2025-01-10T02:00:00.999Z")));
        // invalid: due before receipt; two broken fields; an old copy on the portal (compared with nothing)
        city.set(16, dossier(code.apply(16), d -> d.due = OffsetDateTime.parse("2025-01-09T17:00:00+07:00")));
        portal.remove(copy.apply(16));
        city.set(17, dossier(code.apply(17), d -> {
            d.status = "TAM_DUNG";
            d.summary = "Xin cấp phép\u000b xây nhà";
        }));
        portal.remove(copy.apply(17));
        city.set(18, dossier(code.apply(18), d -> d.status = "DA_CO_KET_QUA"));

        Fixtures.Result result = merge(city, byKey(portal));

        assertThat(result.keys())
                .containsExactlyInAnyOrder(
                        "DOSSIER_MISSING_ON_PORTAL|" + code.apply(1) + "|",
                        "DOSSIER_MISSING_ON_PORTAL|" + code.apply(2) + "|",
                        "PROCEDURE_UNKNOWN|" + code.apply(4) + "|MaTTHC",
                        "DOSSIER_ORPHAN_ON_PORTAL|H26.000.00.01-250110-0001|",
                        "DOSSIER_ORPHAN_ON_PORTAL|H26.000.00.04-250110-0005a|",
                        "DOSSIER_ORPHAN_ON_PORTAL|H26.000.00.09-250110-0001|",
                        "DOSSIER_STATUS_MISMATCH|" + code.apply(6) + "|TrangThaiHoSo",
                        "DOSSIER_STALE|" + code.apply(7) + "|NgayCapNhat",
                        "DOSSIER_STALE|" + code.apply(8) + "|NgayCapNhat",
                        "DOSSIER_FIELD_MISMATCH|" + code.apply(10) + "|NgayHenTra",
                        "DOSSIER_FIELD_MISMATCH|" + code.apply(11) + "|MaDonViXuLy",
                        "DOSSIER_FIELD_MISMATCH|" + code.apply(12) + "|NgayTra",
                        "DOSSIER_FIELD_MISMATCH|" + code.apply(13) + "|DinhDanhCHS",
                        "DOSSIER_FIELD_MISMATCH|" + code.apply(14) + "|NgayKetThucXuLy",
                        "DOSSIER_FIELD_MISMATCH|" + code.apply(14) + "|ChuHoSo",
                        "DOSSIER_INVALID|" + code.apply(16) + "|NgayHenTra",
                        "DOSSIER_INVALID|" + code.apply(17) + "|TrangThaiHoSo",
                        "DOSSIER_INVALID|" + code.apply(17) + "|TrichYeuHoSo",
                        "DOSSIER_INVALID|" + code.apply(18) + "|NgayKetThucXuLy");

        Map<String, Mismatch> byKey = result.rows().stream()
                .collect(Collectors.toMap(m -> m.category() + "|" + m.recordKey() + "|" + m.field(), m -> m));
        Mismatch status = byKey.get("DOSSIER_STATUS_MISMATCH|" + code.apply(6) + "|TrangThaiHoSo");
        assertThat(status)
                .isEqualTo(new Mismatch(
                        "DOSSIER_STATUS_MISMATCH",
                        "DOSSIER",
                        code.apply(6),
                        UNIT,
                        "Sở Xây dựng",
                        "TrangThaiHoSo",
                        "4",
                        "2"));
        assertThat(byKey.get("DOSSIER_STALE|" + code.apply(7) + "|NgayCapNhat"))
                .extracting(Mismatch::cityValue, Mismatch::portalValue)
                .containsExactly("20250111100000", "20250110085959");
        assertThat(byKey.get("DOSSIER_STALE|" + code.apply(8) + "|NgayCapNhat").portalValue())
                .isEmpty();
        assertThat(byKey.get("DOSSIER_FIELD_MISMATCH|" + code.apply(12) + "|NgayTra"))
                .extracting(Mismatch::cityValue, Mismatch::portalValue)
                .containsExactly("", "20250201100000");
        Mismatch id = byKey.get("DOSSIER_FIELD_MISMATCH|" + code.apply(13) + "|DinhDanhCHS");
        assertThat(id.cityValue()).contains("********2345").doesNotContain("001085012345");
        assertThat(id.portalValue()).contains("********9999").doesNotContain("001085099999");
        assertThat(byKey.get("DOSSIER_ORPHAN_ON_PORTAL|H26.000.00.09-250110-0001|"))
                .extracting(Mismatch::unitCode, Mismatch::unitName)
                .containsExactly(UNIT, "Sở Xây dựng");
        Mismatch invalid = byKey.get("DOSSIER_INVALID|" + code.apply(16) + "|NgayHenTra");
        assertThat(invalid.cityValue()).isEqualTo("20250109170000");
        assertThat(invalid.portalValue()).contains("before NgayTiepNhan");

        IndexFacts facts = result.facts();
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_RECEIVED)).isEqualTo(30);
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_ON_PORTAL)).isEqualTo(30 - 3 - 2); // 3 missing, 2 invalid
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_STATUS_CURRENT))
                .isEqualTo(30 - 3 - 3 - 1 - 2); // missing, invalid, status, stale
    }

    @Test
    void keysMergeInByteOrderNotInALocalesOrder() {
        List<String> codes = new ArrayList<>(List.of(
                "H26.a-1", "H26.A-1", "H26.A.1", "H26.A-2", "H26.-1", "H26..1", "H26.B", "H26.b", "H26._1", "H26.Z9",
                "H26.a.1"));
        List<String> byteOrder = codes.stream().sorted().toList();
        List<String> localeOrder = codes.stream()
                .sorted(Collator.getInstance(Locale.forLanguageTag("vi")))
                .toList();
        assertThat(localeOrder).as("the keys must mean something").isNotEqualTo(byteOrder);

        List<Dossier> city = byteOrder.stream()
                .filter(c -> !c.equals("H26.b"))
                .map(Fixtures::dossier)
                .toList();
        List<ObjectNode> portal = portal(byteOrder.stream()
                .filter(c -> !c.equals("H26.A.1"))
                .map(Fixtures::dossier)
                .toList());

        assertThat(merge(city, portal).keys())
                .containsExactlyInAnyOrder("DOSSIER_MISSING_ON_PORTAL|H26.A.1|", "DOSSIER_ORPHAN_ON_PORTAL|H26.b|");
    }

    @Test
    void keysOutOfByteOrderStopTheReconciliation() {
        List<Dossier> inLocaleOrder = List.of("H26.a-1", "H26.B", "H26.b").stream()
                .sorted(Collator.getInstance(Locale.forLanguageTag("vi")))
                .map(Fixtures::dossier)
                .toList();
        assertThatThrownBy(() -> merge(inLocaleOrder, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("byte order");

        List<Dossier> city = clean(3);
        List<ObjectNode> reversed = new ArrayList<>(portal(city));
        java.util.Collections.reverse(reversed);
        assertThatThrownBy(() -> merge(city, reversed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portal");
    }

    @Test
    void aCityKeyThatIsNotAsciiIsInvalidAndDoesNotDisturbTheMerge() {
        List<Dossier> clean = clean(6);
        List<Dossier> city = new ArrayList<>(clean);
        // where a C collation puts it (after every ASCII key) and where another would (among them)
        city.add(3, dossier("H26.000.00.04-Đ-0001"));
        city.add(dossier("H26.000.00.04-Ư-0002"));
        city.add(5, dossier(null));

        Fixtures.Result result = merge(city, portal(clean));

        assertThat(result.keys())
                .containsExactlyInAnyOrder(
                        "DOSSIER_INVALID|H26.000.00.04-Đ-0001|MaHoSo",
                        "DOSSIER_INVALID|H26.000.00.04-Ư-0002|MaHoSo",
                        "DOSSIER_INVALID|#city-id-" + city.get(5).id() + "|MaHoSo");
        assertThat(result.facts().get(UNIT, IndexFacts.DOSSIERS_RECEIVED)).isEqualTo(9);
        assertThat(result.facts().get(UNIT, IndexFacts.DOSSIERS_ON_PORTAL)).isEqualTo(6);
    }

    @Test
    void anEmptyPortalMissesEverythingAndAnEmptyCityOrphansEverything() {
        List<Dossier> city = clean(5);

        Fixtures.Result noPortal = merge(city, List.of());
        assertThat(noPortal.keys())
                .containsExactlyElementsOf(city.stream()
                        .map(d -> "DOSSIER_MISSING_ON_PORTAL|" + d.code() + "|")
                        .toList());
        assertThat(noPortal.facts().get(UNIT, IndexFacts.DOSSIERS_ON_PORTAL)).isZero();

        Fixtures.Result noCity = merge(List.of(), portal(city));
        assertThat(noCity.keys())
                .containsExactlyElementsOf(city.stream()
                        .map(d -> "DOSSIER_ORPHAN_ON_PORTAL|" + d.code() + "|")
                        .toList());
        assertThat(noCity.facts().get(UNIT, IndexFacts.DOSSIERS_RECEIVED)).isZero();
        assertThat(noCity.facts().unitName(UNIT)).isEqualTo("Sở Xây dựng");

        assertThat(merge(List.of(), List.of()).rows()).isEmpty();
    }

    @Test
    void onTimeAndChannelFactsAreJudgedOnEachSide() {
        List<Dossier> city = byCode(List.of(
                dossier(
                        "H26.1",
                        d -> d.finishedAt("2025-03-19T10:00:00+07:00", "2025-03-19T11:00:00+07:00")), // on time
                dossier("H26.2", d -> d.finishedAt("2025-03-21T10:00:00+07:00", null)), // late
                dossier("H26.3"), // not yet due
                dossier("H26.4", d -> d.due = OffsetDateTime.parse("2025-02-28T17:00:00+07:00")), // overdue
                dossier("H26.5", d -> d.status = "TU_CHOI"), // refused
                dossier("H26.6", d -> {
                    d.status = "CHO_BO_SUNG";
                    d.due = OffsetDateTime.parse("2025-03-01T00:00:00+07:00"); // due now
                })));
        List<ObjectNode> portal = portal(city);
        portal.get(0).put("NgayKetThucXuLy", "20250321100000").put("KenhThucHien", "1");
        portal.get(2).put("DuocThanhToanTrucTuyen", "0").put("HoSoCoThanhPhanSoHoa", "0");

        IndexFacts facts = merge(city, portal).facts();

        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_ON_TIME_CITY)).isEqualTo(3); // 1, 3, 6
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_ON_TIME_PORTAL)).isEqualTo(2); // 3, 6
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_ONLINE_CITY)).isEqualTo(6);
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_ONLINE_PORTAL)).isEqualTo(5);
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_PAID_ONLINE_PORTAL)).isEqualTo(5);
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_DIGITISED_CITY)).isEqualTo(6);
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_DIGITISED_PORTAL)).isEqualTo(5);
        assertThat(facts.get(UNIT, IndexFacts.DOSSIERS_STATUS_CURRENT)).isEqualTo(6);
    }

    private static ObjectNode orphan(Dossier source, String code) {
        return portal(source).put("MaHoSo", code);
    }
}
