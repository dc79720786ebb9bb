package vn.dvcsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.testsupport.TestPostgres;

/** The demo city generator on an embedded PostgreSQL: determinism, realism rules and the planted answer key. */
class DemoCityGeneratorTest {

    private static final LocalDate ANCHOR = LocalDate.of(2025, 6, 15);
    private static final DemoSpec SPEC = new DemoSpec(1000, 7, ANCHOR, 0.03);
    private static final List<String> CATEGORIES = List.of(
            "APPLICANT_DATA_MISMATCH",
            "APPLICANT_NOT_FOUND",
            "DOSSIER_FIELD_MISMATCH",
            "DOSSIER_INVALID",
            "DOSSIER_MISSING_ON_PORTAL",
            "DOSSIER_ORPHAN_ON_PORTAL",
            "DOSSIER_STALE",
            "DOSSIER_STATUS_MISMATCH",
            "PROCEDURE_NOT_PUBLIC",
            "PROCEDURE_PUBLIC_LATE",
            "PROCEDURE_UNKNOWN");
    private static final String VOCABULARY = "('MOI_DANG_KY','MOI_TIEP_NHAN','TU_CHOI','DANG_XU_LY','CHO_BO_SUNG',"
            + "'CHO_NVTC','RUT_HO_SO','DUNG_XU_LY','DA_CO_KET_QUA','DA_TRA_KET_QUA','LIEN_THONG')";
    /** Province codes of the 12-digit ID number (Circular 07/2016/TT-BCA), written out independently of the generator. */
    private static final Set<String> PROVINCES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");
    /** Planted dossiers whose own record is broken on purpose. */
    private static final String INVALID_KEYS =
            "(select record_key from demo.planted where category = 'DOSSIER_INVALID')";
    /** Applicants planted with a defect, by their one dossier. */
    private static final String PLANTED_APPLICANTS = """
            (select h.chu_ho_so_id from demo.planted p join city.ho_so h on h.ma_ho_so = p.record_key
             where p.record_type = 'APPLICANT' or p.field = 'DinhDanhCHS')""";

    private static JdbcTemplate city;
    private static DemoSummary summary;

    @BeforeAll
    static void generate() throws Exception {
        city = new JdbcTemplate(database("city1000"));
        summary = new DemoCityGenerator(city.getDataSource()).generate(SPEC);
    }

    private static DataSource database(String name) {
        return TestPostgres.create(name).dataSource();
    }

    @Test
    void theSameSeedAndAnchorGiveTheSameCityRowForRow() throws Exception {
        DataSource other = database("again");
        new DemoCityGenerator(other).generate(SPEC);
        Map<String, String> first = digests(city);
        assertThat(digests(new JdbcTemplate(other))).isEqualTo(first);

        new DemoCityGenerator(other).generate(new DemoSpec(1000, 8, ANCHOR, 0.03));
        Map<String, String> otherSeed = digests(new JdbcTemplate(other));
        assertThat(otherSeed.get("city.ho_so")).isNotEqualTo(first.get("city.ho_so"));
        assertThat(otherSeed.get("city.chu_ho_so")).isNotEqualTo(first.get("city.chu_ho_so"));
    }

    private static Map<String, String> digests(JdbcTemplate db) {
        Map<String, String> order = Map.of(
                "city.don_vi",
                "id",
                "city.thu_tuc",
                "id",
                "city.chu_ho_so",
                "id",
                "city.ho_so",
                "id",
                "city.tien_do",
                "id",
                "demo.catalogue",
                "ma_tthc",
                "demo.citizen",
                "so_dinh_danh",
                "demo.planted",
                "category, record_key, field",
                "demo.portal_plant",
                "ma_ho_so, kind");
        Map<String, String> out = new HashMap<>();
        order.forEach((table, key) -> out.put(
                table,
                db.queryForObject(
                        "select count(*) || ':' || md5(string_agg(t::text, E'\\n' order by " + key + ")) from " + table
                                + " t",
                        String.class)));
        return out;
    }

    /** The demo's unit-scoped official ({@code official-tuphap}, {@code Accounts.DEMO_UNIT}) has rows to see. */
    @Test
    void theUnitOfTheDemosScopedOfficialHandlesDossiers() {
        assertThat(city.queryForObject(
                        "select ten from city.don_vi where ma_dinh_danh = '000.00.04.H26'", String.class))
                .isEqualTo("Sở Tư pháp thành phố Hà Nội");
        assertThat(city.queryForObject(
                        "select count(*) from city.ho_so h join city.don_vi d on d.id = h.don_vi_id"
                                + " where d.ma_dinh_danh = '000.00.04.H26'",
                        Integer.class))
                .isGreaterThan(10);
    }

    @Test
    void theSummaryCountsWhatWasWritten() {
        assertThat(summary.dossiers()).isEqualTo(1000).isEqualTo(count("city.ho_so"));
        assertThat(summary.steps()).isEqualTo(count("city.tien_do"));
        assertThat(summary.applicants()).isEqualTo(count("city.chu_ho_so"));
        assertThat(summary.citizens()).isEqualTo(count("demo.citizen"));
        assertThat(summary.units()).isEqualTo(count("city.don_vi"));
        assertThat(summary.procedures()).isEqualTo(count("city.thu_tuc")).isGreaterThanOrEqualTo(200);
        assertThat(summary.plantedTotal()).isEqualTo(count("demo.planted"));
        assertThat(summary.portalPlants()).isEqualTo(count("demo.portal_plant"));
        assertThat(DemoCityGenerator.isGenerated(city.getDataSource())).isTrue();
    }

    @Test
    void everyCategoryIsPlantedAndEachDefectSitsOnARecordOfItsOwn() {
        assertThat(city.queryForList("select distinct category from demo.planted order by 1", String.class))
                .containsExactlyElementsOf(CATEGORIES);
        assertThat(summary.planted().keySet()).containsExactlyElementsOf(CATEGORIES);
        assertThat(city.queryForList(
                        "select record_key from demo.planted group by 1 having count(*) > 1", String.class))
                .as("records with two defects")
                .isEmpty();
        // about 3 % of 1,000 dossiers
        assertThat(count("demo.planted where record_type <> 'PROCEDURE'")).isBetween(25L, 45L);
        // planted dossiers cite procedures public on time (but those keyed as citing an unknown one); planted
        // applicants have exactly one dossier
        assertThat(count("""
                demo.planted p join city.ho_so h on h.ma_ho_so = p.record_key join city.thu_tuc t on t.id = h.thu_tuc_id
                left join demo.catalogue c on c.ma_tthc = t.ma_tthc
                where p.record_type <> 'PROCEDURE' and p.category <> 'PROCEDURE_UNKNOWN' and (c.ma_tthc is null or not c.cong_khai or c.ngay_cong_khai > t.han_cong_khai)
                """)).isZero();
        assertThat(count("city.ho_so where chu_ho_so_id in " + PLANTED_APPLICANTS))
                .isEqualTo(count("demo.planted where record_type = 'APPLICANT' or field = 'DinhDanhCHS'"));
    }

    @Test
    void everyCategoryIsPlantedFromTwoHundredDossiersOnWhateverTheSeed() throws Exception {
        DataSource small = database("small");
        for (long seed = 1; seed <= 6; seed++) {
            DemoSummary s = new DemoCityGenerator(small).generate(new DemoSpec(200, seed, ANCHOR, 0.03));
            assertThat(s.planted().keySet()).as("seed %d", seed).containsExactlyElementsOf(CATEGORIES);
        }
    }

    @Test
    void plantedDossierDefectsAreWhatTheAnswerKeySays() {
        Map<String, String> rule = Map.of(
                "NgayHenTra", "h.ngay_hen_tra < h.ngay_tiep_nhan",
                "NgayKetThucXuLy", "h.trang_thai = 'DA_CO_KET_QUA' and h.ngay_ket_thuc_xu_ly is null",
                "DinhDanhCHS", "a.loai_doi_tuong = 1 and a.so_dinh_danh is null",
                "MaHoSo", "h.ma_ho_so not like 'H26.%'",
                "TrichYeuHoSo", "h.trich_yeu ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F]'",
                "TrangThaiHoSo", "h.trang_thai not in " + VOCABULARY);
        List<Map<String, Object>> invalid = city.queryForList("""
                select p.record_key, p.field from demo.planted p where p.category = 'DOSSIER_INVALID'""");
        assertThat(invalid).extracting(r -> r.get("field")).containsAll(rule.keySet());
        for (Map<String, Object> p : invalid) {
            assertThat(count("city.ho_so h join city.chu_ho_so a on a.id = h.chu_ho_so_id where h.ma_ho_so = '"
                            + p.get("record_key") + "' and " + rule.get((String) p.get("field"))))
                    .as("planted %s", p)
                    .isEqualTo(1);
        }
        // no other dossier breaks those rules
        assertThat(count("city.ho_so h join city.chu_ho_so a on a.id = h.chu_ho_so_id where h.ma_ho_so not in "
                        + INVALID_KEYS + " and ((" + String.join(") or (", rule.values()) + "))"))
                .isZero();
        // portal-side defects come with their instruction, the orphan from an existing dossier under a new code
        assertThat(count("""
                demo.planted p left join demo.portal_plant x on x.ma_ho_so = p.record_key
                where p.category in ('DOSSIER_ORPHAN_ON_PORTAL', 'DOSSIER_STATUS_MISMATCH', 'DOSSIER_STALE',
                                     'DOSSIER_FIELD_MISMATCH', 'DOSSIER_MISSING_ON_PORTAL') and x.ma_ho_so is null
                """)).isZero();
        assertThat(count("""
                demo.portal_plant x where kind = 'ORPHAN' and (exists (select 1 from city.ho_so h where h.ma_ho_so = x.ma_ho_so)
                or not exists (select 1 from city.ho_so h where h.ma_ho_so = x.value) or x.ma_ho_so !~ '^H26\\.')""")).isZero();
        assertThat(count("""
                demo.portal_plant x join city.ho_so h on h.ma_ho_so = x.ma_ho_so
                where x.kind = 'STALE' and to_timestamp(x.value, 'YYYYMMDDHH24MISS')::timestamp
                      > (h.cap_nhat_luc at time zone 'Asia/Ho_Chi_Minh') - interval '24 hours'""")).isZero();
        assertThat(count("""
                demo.portal_plant x join city.ho_so h on h.ma_ho_so = x.ma_ho_so
                where x.kind = 'STATUS' and x.value = case h.trang_thai when 'MOI_DANG_KY' then '1' when 'MOI_TIEP_NHAN' then '2'
                  when 'TU_CHOI' then '3' when 'DANG_XU_LY' then '4' when 'CHO_BO_SUNG' then '5' when 'CHO_NVTC' then '6'
                  when 'RUT_HO_SO' then '7' when 'DUNG_XU_LY' then '8' when 'DA_CO_KET_QUA' then '9'
                  when 'DA_TRA_KET_QUA' then '10' else '0' end""")).isZero();
        assertThat(city.queryForList("select distinct field from demo.portal_plant where kind = 'FIELD'", String.class))
                .isNotEmpty()
                .isSubsetOf("NgayHenTra", "MaDonViXuLy", "NgayKetThucXuLy", "NgayTra");
    }

    @Test
    void plantedProceduresAreWhatTheAnswerKeySays() {
        assertThat(count("""
                demo.planted p join city.thu_tuc t on t.ma_tthc = p.record_key join demo.catalogue c on c.ma_tthc = t.ma_tthc
                where p.category = 'PROCEDURE_NOT_PUBLIC' and t.hieu_luc and not c.cong_khai""")).isEqualTo((long) summary.planted().get("PROCEDURE_NOT_PUBLIC"));
        assertThat(count("""
                demo.planted p join city.thu_tuc t on t.ma_tthc = p.record_key join demo.catalogue c on c.ma_tthc = t.ma_tthc
                where p.category = 'PROCEDURE_PUBLIC_LATE' and c.cong_khai and c.ngay_cong_khai > t.han_cong_khai""")).isEqualTo((long) summary.planted().get("PROCEDURE_PUBLIC_LATE"));
        assertThat(count("""
                demo.planted p join city.thu_tuc t on t.ma_tthc = p.record_key
                where p.category = 'PROCEDURE_UNKNOWN' and p.record_type = 'PROCEDURE'
                  and not exists (select 1 from demo.catalogue c where c.ma_tthc = t.ma_tthc)
                  and exists (select 1 from city.ho_so h where h.thu_tuc_id = t.id)"""))
                .isEqualTo(count("demo.planted where category = 'PROCEDURE_UNKNOWN' and record_type = 'PROCEDURE'"))
                .isPositive();
        // and every dossier citing one is a row of its own
        assertThat(count("""
                city.ho_so h join city.thu_tuc t on t.id = h.thu_tuc_id
                where not exists (select 1 from demo.catalogue c where c.ma_tthc = t.ma_tthc)"""))
                .isEqualTo(count("demo.planted where category = 'PROCEDURE_UNKNOWN' and record_type = 'DOSSIER'"))
                .isPositive();
        // every other procedure is public on time
        assertThat(count("""
                city.thu_tuc t left join demo.catalogue c on c.ma_tthc = t.ma_tthc
                where t.ma_tthc not in (select record_key from demo.planted where record_type = 'PROCEDURE')
                  and (c.ma_tthc is null or not c.cong_khai or c.ngay_cong_khai > t.han_cong_khai)""")).isZero();
    }

    @Test
    void plantedApplicantsDifferFromTheRegistryOrFromTheirOwnIdNumber() {
        List<Map<String, Object>> rows = city.queryForList("""
                select p.category, p.field, a.ho_ten, a.ngay_sinh, a.gioi_tinh, a.so_dinh_danh,
                       r.ho || ' ' || r.chu_dem || ' ' || r.ten as reg_name, r.ngay_thang_nam, r.gioi_tinh as reg_sex
                from demo.planted p join city.ho_so h on h.ma_ho_so = p.record_key
                join city.chu_ho_so a on a.id = h.chu_ho_so_id
                left join demo.citizen r on r.so_dinh_danh = a.so_dinh_danh
                where p.record_type = 'APPLICANT'""");
        Set<String> seen = new java.util.HashSet<>();
        for (Map<String, Object> r : rows) {
            String id = (String) r.get("so_dinh_danh");
            LocalDate birth = ((java.sql.Date) r.get("ngay_sinh")).toLocalDate();
            int sex = ((Number) r.get("gioi_tinh")).intValue();
            if (r.get("category").equals("APPLICANT_NOT_FOUND")) {
                assertThat(r.get("reg_name")).as("%s", r).isNull();
                assertThat(a12(id, birth, sex))
                        .as("a well-formed number: %s", r)
                        .isTrue();
                continue;
            }
            assertThat(r.get("reg_name")).as("in the registry: %s", r).isNotNull();
            boolean sameName = r.get("reg_name").equals(r.get("ho_ten"));
            boolean sameBirth = r.get("ngay_thang_nam").equals(birth.toString().replace("-", ""));
            boolean sameSex = ((Number) r.get("reg_sex")).intValue() == sex;
            boolean fits = a12(id, birth, sex);
            boolean yearDigitsFit = id.substring(4, 6).equals(String.format("%02d", birth.getYear() % 100));
            boolean sexDigitFits = (id.charAt(3) - '0') % 2 == sex - 1;
            String field = (String) r.get("field");
            String kind = "bad";
            if (field.equals("HoTen") && !sameName && sameBirth && sameSex && fits) {
                kind = "name";
            } else if (field.equals("NgaySinh") && sameName && sameSex && !sameBirth && fits) {
                kind = "birth";
            } else if (field.equals("NgaySinh") && sameName && sameSex && sameBirth && !yearDigitsFit && sexDigitFits) {
                kind = "id-year";
            } else if (field.equals("GioiTinh") && sameName && sameBirth && !sameSex && fits) {
                kind = "sex";
            } else if (field.equals("GioiTinh") && sameName && sameBirth && sameSex && !sexDigitFits && yearDigitsFit) {
                kind = "id-sex";
            }
            assertThat(kind).as("%s", r).isNotEqualTo("bad");
            seen.add(kind);
        }
        assertThat(seen).containsExactlyInAnyOrder("name", "birth", "sex", "id-year", "id-sex");
    }

    /** A 12-digit number that fits its holder by the rules. */
    private static boolean a12(String id, LocalDate birth, int sex) {
        return id != null
                && id.matches("\\d{12}")
                && PROVINCES.contains(id.substring(0, 3))
                && id.charAt(3) - '0' == (birth.getYear() >= 2000 ? 2 : 0) + (sex == 2 ? 1 : 0)
                && id.substring(4, 6).equals(String.format("%02d", birth.getYear() % 100));
    }

    @Test
    void idNumbersOfOtherCitizensFollowTheRulesAndTheRegistryHasThemAsTheCityDoes() {
        List<Map<String, Object>> citizens =
                city.queryForList("select so_dinh_danh, ngay_sinh, gioi_tinh from city.chu_ho_so "
                        + "where loai_doi_tuong = 1 and id not in " + PLANTED_APPLICANTS);
        int twelve = 0;
        int nine = 0;
        int hanoi = 0;
        for (Map<String, Object> c : citizens) {
            String id = (String) c.get("so_dinh_danh");
            if (id.length() == 9) {
                assertThat(id).matches("01\\d{7}");
                nine++;
                continue;
            }
            LocalDate birth = ((java.sql.Date) c.get("ngay_sinh")).toLocalDate();
            assertThat(a12(id, birth, ((Number) c.get("gioi_tinh")).intValue()))
                    .as("%s", c)
                    .isTrue();
            twelve++;
            hanoi += id.startsWith("001") ? 1 : 0;
        }
        assertThat(nine).as("a few old 9-digit ID cards").isBetween(1, twelve / 20);
        assertThat(hanoi).as("mostly born in Hà Nội").isGreaterThan(twelve / 2);
        assertThat(count("city.chu_ho_so where loai_doi_tuong = 2 and so_dinh_danh !~ '^01\\d{8}$'"))
                .isZero();
        assertThat(count("city.chu_ho_so where loai_doi_tuong = 2")).isPositive();
        assertThat(city.queryForObject(
                        "select count(distinct so_dinh_danh) = count(so_dinh_danh) from city.chu_ho_so", Boolean.class))
                .isTrue();
        assertThat(count("city.chu_ho_so where ho_ten <> normalize(ho_ten, NFC)"))
                .isZero();

        assertThat(count("""
                city.chu_ho_so c left join demo.citizen r on r.so_dinh_danh = c.so_dinh_danh
                where c.loai_doi_tuong = 1 and c.so_dinh_danh is not null and c.id not in %s
                  and (r.so_dinh_danh is null or r.ho || ' ' || r.chu_dem || ' ' || r.ten <> c.ho_ten
                       or r.gioi_tinh <> c.gioi_tinh
                       or length(r.ngay_thang_nam) = 8 and r.ngay_thang_nam <> to_char(c.ngay_sinh, 'YYYYMMDD')
                       or length(r.ngay_thang_nam) = 4 and (r.ngay_thang_nam <> to_char(c.ngay_sinh, 'YYYY')
                                                             or to_char(c.ngay_sinh, 'MMDD') <> '0101'))
                """.formatted(PLANTED_APPLICANTS))).isZero();
        assertThat(count("demo.citizen where length(ngay_thang_nam) = 4"))
                .as("old records know only the year")
                .isPositive();
        assertThat(count("demo.citizen"))
                .isEqualTo(count("city.chu_ho_so where loai_doi_tuong = 1 and so_dinh_danh is not null")
                        - summary.planted().get("APPLICANT_NOT_FOUND"));
    }

    @Test
    void datesFollowTheStatusOfEveryDossierNotPlantedInvalid() {
        String valid = "city.ho_so h where h.ma_ho_so not in " + INVALID_KEYS + " and ";
        assertThat(count(valid + "h.trang_thai not in " + VOCABULARY)).isZero();
        assertThat(count(valid + "h.ngay_hen_tra < h.ngay_tiep_nhan")).isZero();
        assertThat(count(valid + "(h.kenh = 2) <> (h.ngay_nop is not null) or h.ngay_nop > h.ngay_tiep_nhan"))
                .isZero();
        assertThat(count(valid + "h.trang_thai = 'DA_TRA_KET_QUA' and not (h.ngay_tiep_nhan <= h.ngay_ket_thuc_xu_ly "
                        + "and h.ngay_ket_thuc_xu_ly <= h.ngay_tra)"))
                .isZero();
        assertThat(count(valid
                        + "h.trang_thai = 'DA_CO_KET_QUA' and (h.ngay_ket_thuc_xu_ly is null or h.ngay_tra is not null "
                        + "or h.ngay_ket_thuc_xu_ly < h.ngay_tiep_nhan)"))
                .isZero();
        assertThat(count(valid + "h.trang_thai not in ('DA_CO_KET_QUA', 'DA_TRA_KET_QUA') "
                        + "and (h.ngay_ket_thuc_xu_ly is not null or h.ngay_tra is not null)"))
                .isZero();
        // the dossiers fall in the 365 days before the anchor, nothing happens on or after it but due dates
        String anchor = "timestamptz '" + ANCHOR + " 00:00:00+07'";
        assertThat(count("city.ho_so where ngay_tiep_nhan < " + anchor + " - interval '365 days' or ngay_tiep_nhan >= "
                        + anchor + " or cap_nhat_luc >= " + anchor))
                .isZero();
        assertThat(count("city.tien_do where thoi_diem >= " + anchor)).isZero();
        // 1–6 steps, the last one is the dossier's change and status
        assertThat(count("""
                city.ho_so h join (select ho_so_id, count(*) n, max(thoi_diem) last from city.tien_do group by 1) s on s.ho_so_id = h.id
                where s.n between 1 and 6 and s.last = h.cap_nhat_luc""")).isEqualTo(1000);
        assertThat(count("""
                city.ho_so h join lateral (select trang_thai from city.tien_do s where s.ho_so_id = h.id
                                           order by thoi_diem desc, id desc limit 1) s on true
                where s.trang_thai <> h.trang_thai and h.ma_ho_so not in %s""".formatted(INVALID_KEYS))).isZero();
        // counters keep office hours, Vietnam time
        assertThat(
                        count(
                                valid
                                        + "h.kenh = 1 and (extract(hour from h.ngay_tiep_nhan at time zone 'Asia/Ho_Chi_Minh') "
                                        + "not between 8 and 16 or extract(isodow from h.ngay_tiep_nhan at time zone 'Asia/Ho_Chi_Minh') = 7)"))
                .isZero();
        // realistic shares: mostly returned, some still open, some late
        assertThat(count("city.ho_so where trang_thai = 'DA_TRA_KET_QUA'")).isBetween(700L, 970L);
        assertThat(count("city.ho_so where trang_thai in ('DANG_XU_LY', 'CHO_BO_SUNG', 'CHO_NVTC', 'MOI_TIEP_NHAN', "
                        + "'MOI_DANG_KY', 'LIEN_THONG')"))
                .isPositive();
        assertThat(count("city.ho_so where ngay_ket_thuc_xu_ly > ngay_hen_tra"))
                .as("finished late")
                .isPositive();
        assertThat(count("city.ho_so where kenh = 2")).isBetween(150L, 700L);
        assertThat(city.queryForList("select distinct trang_thai from city.ho_so", String.class))
                .hasSizeGreaterThan(6);
    }

    @Test
    void severalDossiersShareOneLastChange() {
        assertThat(count("(select cap_nhat_luc from city.ho_so group by 1 having count(*) > 1) t"))
                .isPositive();
    }

    @Test
    void codesFollowThePortalFormat() {
        assertThat(count("city.ho_so where ma_ho_so !~ '^(H26\\.)?\\d{2}(\\.\\d{2})?-\\d{6}-\\d{4,}$'"))
                .isZero();
        assertThat(count("city.ho_so where ma_ho_so !~ '^H26\\.' and ma_ho_so not in " + INVALID_KEYS))
                .isZero();
        assertThat(count("city.don_vi where ma_dinh_danh !~ '^000\\.\\d{2}\\.\\d{2}\\.H26$'"))
                .isZero();
        assertThat(count("city.don_vi where cap = 'HUYEN'")).isEqualTo(30);
        assertThat(count("city.don_vi where cap = 'TINH'")).isGreaterThanOrEqualTo(18);
        assertThat(count("city.don_vi where cap = 'XA'")).isGreaterThan(100);
        assertThat(count("city.thu_tuc where ma_tthc !~ '^[12]\\.\\d{6}\\.000\\.00\\.00\\.H26$'"))
                .isZero();
        assertThat(city.queryForList("select distinct muc_do from city.thu_tuc order by 1", String.class))
                .containsExactly("MOT_PHAN", "TOAN_TRINH", "TRUC_TIEP");
    }

    @Test
    void aCleanCityPlantsNothing() throws Exception {
        JdbcTemplate clean = new JdbcTemplate(database("clean"));
        DemoSummary s = new DemoCityGenerator(clean.getDataSource()).generate(new DemoSpec(500, 7, ANCHOR, 0));
        assertThat(s.planted()).isEmpty();
        assertThat(clean.queryForObject("select count(*) from demo.planted", Long.class))
                .isZero();
        assertThat(clean.queryForObject("select count(*) from demo.portal_plant", Long.class))
                .isZero();
        assertThat(clean.queryForObject("""
                select count(*) from city.thu_tuc t left join demo.catalogue c on c.ma_tthc = t.ma_tthc
                where c.ma_tthc is null or not c.cong_khai or c.ngay_cong_khai > t.han_cong_khai or not t.hieu_luc""", Long.class)).isZero();
        assertThat(clean.queryForObject("""
                select count(*) from city.chu_ho_so c where c.loai_doi_tuong = 1
                and not exists (select 1 from demo.citizen r where r.so_dinh_danh = c.so_dinh_danh)""", Long.class)).isZero();
    }

    @Test
    void isGeneratedOnlyOnceACityHasDossiers() throws Exception {
        DataSource empty = database("empty");
        assertThat(DemoCityGenerator.isGenerated(empty)).isFalse();
        new DemoCityGenerator(empty).generate(new DemoSpec(0, 7, ANCHOR, 0.03));
        assertThat(DemoCityGenerator.isGenerated(empty)).isFalse();
        new DemoCityGenerator(empty).generate(new DemoSpec(40, 7, ANCHOR, 0.03));
        assertThat(DemoCityGenerator.isGenerated(empty)).isTrue();
        // a small city still has an enterprise and a procedure of the catalogue (other tests insert with them)
        JdbcTemplate small = new JdbcTemplate(empty);
        assertThat(small.queryForObject("select count(*) from city.chu_ho_so where loai_doi_tuong = 2", Long.class))
                .isPositive();
        assertThat(small.queryForObject("select count(*) from city.ho_so", Long.class))
                .isEqualTo(40);
    }

    @Test
    void aHundredThousandDossiers() throws Exception {
        DataSource big = database("big");
        long start = System.nanoTime();
        DemoSummary s = new DemoCityGenerator(big).generate(new DemoSpec(100_000, 11, ANCHOR, 0.03));
        System.out.printf(
                "Demo city of %,d dossiers and %,d steps generated in %,d ms%n",
                s.dossiers(), s.steps(), (System.nanoTime() - start) / 1_000_000);
        assertThat(s.planted().keySet()).containsExactlyElementsOf(CATEGORIES);
        assertThat(new JdbcTemplate(big).queryForObject("select count(*) from city.ho_so", Long.class))
                .isEqualTo(100_000);
    }

    private static long count(String from) {
        return city.queryForObject("select count(*) from " + from, Long.class);
    }
}
