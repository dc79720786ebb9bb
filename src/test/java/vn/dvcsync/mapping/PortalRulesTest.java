package vn.dvcsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static vn.dvcsync.mapping.MappingFixtures.MAPPING;
import static vn.dvcsync.mapping.MappingFixtures.PROVINCE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortalRulesTest {

    private final PortalRules rules = MappingFixtures.RULES;

    /** The rules of a city that quarantines both kinds of text (the defaults deliver them). */
    private static final PortalRules QUARANTINING = quarantining();

    private static PortalRules quarantining() {
        try {
            Path dir = Files.createTempDirectory("quarantining");
            return new PortalRules(TextPolicy.load(MappingFixtures.withTextPolicy(dir, "quarantine", "quarantine")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean, complete dossier (status 10 with both end dates) as the mapping produces it. */
    private static ObjectNode cleanDossier() {
        return MAPPING.dossier(MappingFixtures.dossier());
    }

    private static ObjectNode cleanStep() {
        return MAPPING.step(MappingFixtures.step("DANG_XU_LY"));
    }

    @Test
    void aCleanDossierAndStepPass() {
        assertThat(rules.checkDossier(cleanDossier(), PROVINCE)).isEmpty();
        assertThat(rules.checkStep(cleanStep(), PROVINCE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MaHoSo",
                "MaTTHC",
                "TenTTHC",
                "MaLinhVuc",
                "TenLinhVuc",
                "KenhThucHien",
                "ChuHoSo",
                "LoaiDoiTuong",
                "TrichYeuHoSo",
                "NgayTiepNhan",
                "NgayHenTra",
                "TrangThaiHoSo",
                "MaDonViXuLy",
                "DonViXuLy"
            })
    void everyRequiredDossierFieldIsRequired(String field) {
        ObjectNode dossier = cleanDossier();
        dossier.remove(field);
        assertOnly(rules.checkDossier(dossier, PROVINCE), field, "required");

        dossier.put(field, " ");
        assertOnly(rules.checkDossier(dossier, PROVINCE), field, "required");
    }

    static Stream<Arguments> brokenDossiers() {
        return Stream.of(
                broken(
                        "MaHoSo over 60 characters",
                        d -> d.put("MaHoSo", "H26." + "X".repeat(57)),
                        "MaHoSo",
                        "max-length"),
                broken("MaHoSo not ASCII", d -> d.put("MaHoSo", "H26.HồSơ-1"), "MaHoSo", "format"),
                broken("MaHoSo of another province", d -> d.put("MaHoSo", "H27.22-240915-0001"), "MaHoSo", "prefix"),
                broken("MaHoSo without the dot", d -> d.put("MaHoSo", "H2622-240915-0001"), "MaHoSo", "prefix"),
                broken("KenhThucHien 4", d -> d.put("KenhThucHien", "4"), "KenhThucHien", "code"),
                broken("KenhThucHien as a JSON number", d -> d.put("KenhThucHien", 2), "KenhThucHien", "format"),
                broken("LoaiDoiTuong 5", d -> d.put("LoaiDoiTuong", "5"), "LoaiDoiTuong", "code"),
                broken("citizen without DinhDanhCHS", d -> d.remove("DinhDanhCHS"), "DinhDanhCHS", "required"),
                broken("type 1 with 11 digits", d -> identity(d, "1", "00108501234"), "DinhDanhCHS", "format"),
                broken("type 2 with 12 digits", d -> identity(d, "2", "001085012345"), "DinhDanhCHS", "format"),
                broken("type 1 with a letter", d -> identity(d, "1", "00108501234A"), "DinhDanhCHS", "format"),
                broken(
                        "TrichYeuHoSo over 2000 characters",
                        d -> d.put("TrichYeuHoSo", "ă".repeat(2001)),
                        "TrichYeuHoSo",
                        "max-length"),
                broken(
                        "NgayTiepNhan not yyyyMMddHHmmss",
                        d -> d.put("NgayTiepNhan", "2024-09-16 00:30"),
                        "NgayTiepNhan",
                        "format"),
                broken(
                        "NgayNopHoSo on 31 February",
                        d -> d.put("NgayNopHoSo", "20240231080000"),
                        "NgayNopHoSo",
                        "format"),
                broken("NgayTra at hour 24", d -> d.put("NgayTra", "20240926240000"), "NgayTra", "format"),
                broken(
                        "NgayHenTra before NgayTiepNhan",
                        d -> d.put("NgayHenTra", "20240916002959"),
                        "NgayHenTra",
                        "order"),
                broken("TrangThaiHoSo 11", d -> d.put("TrangThaiHoSo", "11"), "TrangThaiHoSo", "code"),
                broken(
                        "status 9 without NgayKetThucXuLy",
                        d -> d.put("TrangThaiHoSo", "9").remove(List.of("NgayKetThucXuLy", "NgayTra")),
                        "NgayKetThucXuLy",
                        "status-dates"),
                broken("status 10 without NgayTra", d -> d.remove("NgayTra"), "NgayTra", "status-dates"),
                broken(
                        "status 10 without NgayKetThucXuLy",
                        d -> d.remove("NgayKetThucXuLy"),
                        "NgayKetThucXuLy",
                        "status-dates"),
                broken("flag 2", d -> d.put("DuocThanhToanTrucTuyen", "2"), "DuocThanhToanTrucTuyen", "code"),
                broken("flag true", d -> d.put("HoSoCoThanhPhanSoHoa", "true"), "HoSoCoThanhPhanSoHoa", "code"),
                broken("bell in ChuHoSo", d -> d.put("ChuHoSo", "Nguyễn\u0007 Văn An"), "ChuHoSo", "control-chars"),
                broken("line break in ChuHoSo", d -> d.put("ChuHoSo", "Nguyễn\nVăn An"), "ChuHoSo", "control-chars"),
                broken(
                        "NUL in TrichYeuHoSo",
                        d -> d.put("TrichYeuHoSo", "Xin cấp phép\u0000"),
                        "TrichYeuHoSo",
                        "control-chars"),
                broken(
                        "ChuHoSo over 255 characters",
                        d -> d.put("ChuHoSo", "Nguyễn ".repeat(37)),
                        "ChuHoSo",
                        "max-length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDossiers")
    void everyDossierRuleRejectsItsBrokenExample(String name, Consumer<ObjectNode> breakIt, String field, String rule) {
        ObjectNode dossier = cleanDossier();
        breakIt.accept(dossier);

        assertOnly(rules.checkDossier(dossier, PROVINCE), field, rule);
    }

    @Test
    void limitsAreInclusiveAndLineBreaksAreFineInTheSummary() {
        ObjectNode dossier = cleanDossier();
        dossier.put("MaHoSo", "H26." + "X".repeat(56));
        dossier.put("TrichYeuHoSo", "Dòng 1\r\n\tDòng 2" + "ă".repeat(1985));
        dossier.put("NgayHenTra", dossier.get("NgayTiepNhan").textValue());

        assertThat(dossier.get("TrichYeuHoSo").textValue()).hasSize(2000);
        assertThat(rules.checkDossier(dossier, PROVINCE)).isEmpty();
    }

    @Test
    void statusesWithoutEndDatesNeedNone() {
        ObjectNode dossier = cleanDossier();
        dossier.put("TrangThaiHoSo", "4").remove(List.of("NgayKetThucXuLy", "NgayTra"));

        assertThat(rules.checkDossier(dossier, PROVINCE)).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnceAndMessagesNameTheFieldButNotTheIdNumber() {
        ObjectNode dossier = cleanDossier();
        dossier.put("MaHoSo", "H27.1");
        dossier.put("KenhThucHien", "9");
        identity(dossier, "1", "0010850123");

        List<Violation> violations = rules.checkDossier(dossier, PROVINCE);

        assertThat(violations)
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("MaHoSo", "KenhThucHien", "DinhDanhCHS");
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).contains(v.field()));
        assertThat(violations).noneSatisfy(v -> assertThat(v.message()).contains("0010850123"));
    }

    static Stream<Arguments> brokenSteps() {
        return Stream.of(
                broken("no MaHoSo", s -> s.remove("MaHoSo"), "MaHoSo", "required"),
                broken("MaHoSo of another province", s -> s.put("MaHoSo", "H01.1"), "MaHoSo", "prefix"),
                broken("no TrangThai", s -> s.remove("TrangThai"), "TrangThai", "required"),
                broken("TrangThai 12", s -> s.put("TrangThai", "12"), "TrangThai", "code"),
                broken("no ThoiDiemXuLy", s -> s.remove("ThoiDiemXuLy"), "ThoiDiemXuLy", "required"),
                broken(
                        "NgayKetThucTheoQuyDinh not a time",
                        s -> s.put("NgayKetThucTheoQuyDinh", "20240920"),
                        "NgayKetThucTheoQuyDinh",
                        "format"),
                broken("escape in NguoiXuLy", s -> s.put("NguoiXuLy", "Bình\u001b[0m"), "NguoiXuLy", "control-chars"),
                broken(
                        "NoiDungXuLy over 2000 characters",
                        s -> s.put("NoiDungXuLy", "x".repeat(2001)),
                        "NoiDungXuLy",
                        "max-length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSteps")
    void everyStepRuleRejectsItsBrokenExample(String name, Consumer<ObjectNode> breakIt, String field, String rule) {
        ObjectNode step = cleanStep();
        breakIt.accept(step);

        assertOnly(rules.checkStep(step, PROVINCE), field, rule);
    }

    // ------------------------------------------------------------- the text policy of mappings/text-policy.yaml

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Robert'); DROP TABLE ledger; --",
                "x'; DELETE FROM city.ho_so WHERE 1=1",
                "H26.99'); drop table ledger;--",
                "a\"; insert into users values ('x')",
                "x' OR '1'='1",
                "\" or \"\"=\"",
                "1' or 1=1 --",
                "admin'--",
                "Nguyễn Văn An' /* comment */",
                "0 UNION ALL SELECT username, password FROM users",
                "x'; EXEC('xp_cmdshell dir')",
                "Hồ sơ; update ledger set status = 'DELIVERED'"
            })
    void sqlLookingTextIsDeliveredByDefaultAndQuarantinedNamingTheRuleNotTheTextWhereACityAsks(String text) {
        ObjectNode dossier = cleanDossier();
        dossier.put("TrichYeuHoSo", text);

        assertThat(rules.checkDossier(dossier, PROVINCE)).isEmpty();
        assertOnly(QUARANTINING.checkDossier(dossier, PROVINCE), "TrichYeuHoSo", TextPolicy.SQL_LIKE);
        assertThat(QUARANTINING.checkDossier(dossier, PROVINCE).get(0).message())
                .doesNotContain(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cấp giấy phép xây dựng (select mẫu số 2); update hồ sơ theo yêu cầu",
                "Select the form, then update the applicant's address",
                "Đề nghị cập nhật (update) thông tin - bổ sung giấy tờ",
                "Công ty TNHH \"Hòa Bình\"; trụ sở: số 5 ngõ 12",
                "Hội Union Việt Nam; Phường Đồng Xuân",
                "Nguyễn Văn O'Neil",
                "Từ 01/2024 - 03/2024, diện tích 120 m2 / thửa",
                "Người nộp: Lê Thị Hoa, or Trần Văn Bình"
            })
    void ordinaryTextWithSqlWordsOrPunctuationPasses(String text) {
        ObjectNode dossier = cleanDossier();
        dossier.put("TrichYeuHoSo", text);

        assertThat(QUARANTINING.checkDossier(dossier, PROVINCE)).isEmpty();
    }

    @Test
    void textNotInNfcIsQuarantinedInAnyFieldWhereACityAsks() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD);
        ObjectNode dossier = cleanDossier();
        dossier.put("ChuHoSo", decomposed);
        ObjectNode step = cleanStep();
        step.put("NguoiXuLy", decomposed);

        assertOnly(QUARANTINING.checkDossier(dossier, PROVINCE), "ChuHoSo", TextPolicy.NOT_NFC);
        assertOnly(QUARANTINING.checkStep(step, PROVINCE), "NguoiXuLy", TextPolicy.NOT_NFC);
        assertThat(rules.checkDossier(dossier, PROVINCE))
                .as("the default normalises")
                .isEmpty();
    }

    @Test
    void halfACharacterIsQuarantinedAWholeOneOutsideTheBmpIsNot() {
        ObjectNode dossier = cleanDossier();
        dossier.put("TrichYeuHoSo", "Hồ sơ \uD83D bản vẽ");
        assertOnly(rules.checkDossier(dossier, PROVINCE), "TrichYeuHoSo", "unpaired-surrogate");
        dossier.put("TrichYeuHoSo", "Hồ sơ \uDE00 bản vẽ");
        assertOnly(rules.checkDossier(dossier, PROVINCE), "TrichYeuHoSo", "unpaired-surrogate");
        dossier.put("TrichYeuHoSo", "Hồ sơ 𠀀 \uD83D\uDE00 bản vẽ");
        assertThat(rules.checkDossier(dossier, PROVINCE)).isEmpty();
    }

    @Test
    void byDefaultEitherKindIsSent() {
        PortalRules delivering = rules;
        ObjectNode dossier = cleanDossier();
        dossier.put("ChuHoSo", Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD));
        dossier.put("TrichYeuHoSo", "Robert'); DROP TABLE ledger; --");

        assertThat(delivering.checkDossier(dossier, PROVINCE)).isEmpty();
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String field, String rule) {
        return arguments(name, breakIt, field, rule);
    }

    private static void identity(ObjectNode dossier, String type, String number) {
        dossier.putArray("DinhDanhCHS").addObject().put("LoaiDinhDanh", type).put("SoDinhDanh", number);
    }

    private static void assertOnly(List<Violation> violations, String field, String rule) {
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.message()).contains(field);
        });
    }
}
