package vn.dvcsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dvcsync.mapping.MappingFixtures.MAPPING;
import static vn.dvcsync.mapping.MappingFixtures.MAPPINGS;
import static vn.dvcsync.mapping.MappingFixtures.PROVINCE;
import static vn.dvcsync.mapping.MappingFixtures.applicant;
import static vn.dvcsync.mapping.MappingFixtures.citizen;
import static vn.dvcsync.mapping.MappingFixtures.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dvcsync.canonical.Dossier;

class PortalMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PortalRules rules = MappingFixtures.RULES;

    @Test
    void mapsADossierToThePortalShapeExactly() throws IOException {
        JsonNode expected = JSON.readTree("""
                {"MaHoSo": "H26.22-240915-0001", "MaTTHC": "1.001612.000.00.00.H26",
                 "TenTTHC": "Cấp giấy phép xây dựng", "MaLinhVuc": "XD", "TenLinhVuc": "Xây dựng",
                 "KenhThucHien": "2", "ChuHoSo": "Nguyễn Văn An", "LoaiDoiTuong": "1",
                 "DinhDanhCHS": [{"LoaiDinhDanh": "1", "SoDinhDanh": "001085012345"}],
                 "SoDienThoai": "0912345678", "Email": "an.nguyen@example.vn",
                 "TrichYeuHoSo": "Xin cấp phép xây nhà ở riêng lẻ",
                 "NgayNopHoSo": "20240915080000", "NgayTiepNhan": "20240916003000", "NgayHenTra": "20240930100000",
                 "NgayKetThucXuLy": "20240925100000", "NgayTra": "20240926091530", "TrangThaiHoSo": "10",
                 "MaDonViXuLy": "000.00.04.H26", "DonViXuLy": "Sở Xây dựng",
                 "DuocThanhToanTrucTuyen": "1", "HoSoCoThanhPhanSoHoa": "0", "TaiKhoanDuocXacThucVoiVNeID": "1"}
                """);

        ObjectNode mapped = MAPPING.dossier(dossier());

        assertThat(mapped).isEqualTo(expected);
        assertThat(mapped.get("KenhThucHien").isTextual())
                .as("codes travel as JSON strings")
                .isTrue();
        assertThat(rules.checkDossier(mapped, PROVINCE)).isEmpty();
    }

    @Test
    void mapsAStepToThePortalShapeExactly() throws IOException {
        JsonNode expected = JSON.readTree("""
                {"MaHoSo": "H26.22-240915-0001", "NguoiXuLy": "Trần Thị Bình", "ChucDanh": "Chuyên viên",
                 "PhongBanXuLy": "Phòng Quản lý xây dựng", "NoiDungXuLy": "Thẩm định hồ sơ", "TrangThai": "4",
                 "ThoiDiemXuLy": "20240916090000", "NgayBatDau": "20240916090000",
                 "NgayKetThucTheoQuyDinh": "20240920170000"}
                """);

        ObjectNode mapped = MAPPING.step(MappingFixtures.step("DANG_XU_LY"));

        assertThat(mapped).isEqualTo(expected);
        assertThat(rules.checkStep(mapped, PROVINCE)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "MOI_DANG_KY,1",
        "MOI_TIEP_NHAN,2",
        "TU_CHOI,3",
        "DANG_XU_LY,4",
        "CHO_BO_SUNG,5",
        "CHO_NVTC,6",
        "RUT_HO_SO,7",
        "DUNG_XU_LY,8",
        "DA_CO_KET_QUA,9",
        "DA_TRA_KET_QUA,10",
        "LIEN_THONG,0"
    })
    void everyCityStatusMapsToItsPortalCode(String cityStatus, String portalCode) {
        assertThat(MAPPING.dossier(dossier(citizen("001085012345"), cityStatus))
                        .get("TrangThaiHoSo")
                        .textValue())
                .isEqualTo(portalCode);
        assertThat(MAPPING.step(MappingFixtures.step(cityStatus))
                        .get("TrangThai")
                        .textValue())
                .isEqualTo(portalCode);
        assertThat(MAPPING.portalStatus(cityStatus)).contains(portalCode);
    }

    @Test
    void anUnknownCityStatusIsNotSentAndIsAViolationOnTrangThaiHoSo() {
        ObjectNode mapped = MAPPING.dossier(dossier(citizen("001085012345"), "DA_HUY"));

        assertThat(mapped.has("TrangThaiHoSo")).isFalse();
        assertThat(rules.checkDossier(mapped, PROVINCE)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("TrangThaiHoSo");
            assertThat(v.rule()).isEqualTo("required");
        });
        assertThat(rules.checkStep(MAPPING.step(MappingFixtures.step("DA_HUY")), PROVINCE))
                .extracting(Violation::field)
                .containsExactly("TrangThai");
        assertThat(MAPPING.portalStatus("DA_HUY")).isEmpty();
        assertThat(MAPPING.portalStatus(null)).isEmpty();
    }

    @Test
    void unitCodesNotInTheTablePassThroughUnchanged() {
        assertThat(MAPPING.dossier(dossier()).get("MaDonViXuLy").textValue()).isEqualTo("000.00.04.H26");
    }

    @Test
    void timesAreConvertedToVietnamTimeWhateverTheJvmZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"UTC", "America/New_York", "Asia/Tokyo"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                PortalMapping mapping = PortalMapping.load(MAPPINGS);

                ObjectNode fromUtc = mapping.dossier(dossier(
                        citizen("001085012345"), "MOI_TIEP_NHAN", OffsetDateTime.parse("2024-09-15T17:30:00Z")));
                ObjectNode fromNewYork = mapping.dossier(dossier(
                        citizen("001085012345"), "MOI_TIEP_NHAN", OffsetDateTime.parse("2024-09-15T13:30:00-04:00")));

                assertThat(fromUtc.get("NgayTiepNhan").textValue()).as(zone).isEqualTo("20240916003000");
                assertThat(fromNewYork.get("NgayTiepNhan").textValue()).as(zone).isEqualTo("20240916003000");
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void citizensGetDinhDanhChsByTheLengthOfTheirNumber() {
        assertThat(MAPPING.dossier(dossier(citizen("001085012345"), "DANG_XU_LY"))
                        .get("DinhDanhCHS"))
                .isEqualTo(JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("LoaiDinhDanh", "1").put("SoDinhDanh", "001085012345")));
        assertThat(MAPPING.dossier(dossier(citizen(" 123456789 "), "DANG_XU_LY"))
                        .get("DinhDanhCHS"))
                .isEqualTo(JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("LoaiDinhDanh", "2").put("SoDinhDanh", "123456789")));
    }

    @Test
    void organisationsGetNoDinhDanhChsAndStayValid() {
        ObjectNode enterprise =
                MAPPING.dossier(dossier(applicant(2, "0101234567", "Công ty TNHH Ánh Dương"), "DANG_XU_LY"));

        assertThat(enterprise.has("DinhDanhCHS")).isFalse();
        assertThat(enterprise.get("LoaiDoiTuong").textValue()).isEqualTo("2");
        assertThat(rules.checkDossier(enterprise, PROVINCE)).isEmpty();
    }

    @Test
    void aCitizenWithAMalformedOrMissingNumberIsInvalidOnDinhDanhChs() {
        ObjectNode tenDigits = MAPPING.dossier(dossier(citizen("0010850123"), "DANG_XU_LY"));
        ObjectNode none = MAPPING.dossier(dossier(citizen(null), "DANG_XU_LY"));

        assertThat(rules.checkDossier(tenDigits, PROVINCE))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DinhDanhCHS", "format"));
        assertThat(rules.checkDossier(none, PROVINCE))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DinhDanhCHS", "required"));
    }

    @Test
    void flagsBecomeOneOrZero() {
        ObjectNode mapped = MAPPING.dossier(dossier());

        assertThat(mapped.get("DuocThanhToanTrucTuyen").textValue()).isEqualTo("1");
        assertThat(mapped.get("HoSoCoThanhPhanSoHoa").textValue()).isEqualTo("0");
        assertThat(mapped.get("TaiKhoanDuocXacThucVoiVNeID").textValue()).isEqualTo("1");
    }

    @Test
    void absentAndBlankValuesAreOmitted() {
        Dossier noApplicant = new Dossier(
                1L, "H26.X-1", null, null, null, null, null, null, null, "  ", null, null, null, null, null, null, null,
                false, false, false, null);

        ObjectNode mapped = MAPPING.dossier(noApplicant);

        assertThat(Stream.of(
                        "ChuHoSo",
                        "LoaiDoiTuong",
                        "DinhDanhCHS",
                        "Email",
                        "TrichYeuHoSo",
                        "NgayTiepNhan",
                        "TrangThaiHoSo",
                        "KenhThucHien"))
                .allSatisfy(field -> assertThat(mapped.has(field)).as(field).isFalse());
        assertThat(mapped.get("MaHoSo").textValue()).isEqualTo("H26.X-1");
    }

    @Test
    void textNotInNfcIsSentAsWrittenOrInNfcAsTheTextPolicySays(@TempDir Path dir) throws IOException {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Nguyễn Thị Hường");
        Dossier dossier = dossier(applicant(1, "001085012345", decomposed), "DANG_XU_LY");

        Path quarantining = MappingFixtures.withTextPolicy(dir.resolve("q"), "quarantine", "quarantine");
        ObjectNode quarantined = PortalMapping.load(quarantining).dossier(dossier);
        assertThat(quarantined.get("ChuHoSo").textValue()).isEqualTo(decomposed);
        assertThat(new PortalRules(TextPolicy.load(quarantining)).checkDossier(quarantined, PROVINCE))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("ChuHoSo", TextPolicy.NOT_NFC));

        // the default: sent in NFC, and counted as normalised
        ObjectNode normalised = MAPPING.dossier(dossier);
        assertThat(normalised.get("ChuHoSo").textValue()).isEqualTo("Nguyễn Thị Hường");
        assertThat(rules.checkDossier(normalised, PROVINCE)).isEmpty();
        assertThat(MAPPING.normalises(dossier)).isTrue();
        assertThat(MAPPING.normalises(dossier(applicant(1, "001085012345", "Nguyễn Thị Hường"), "DANG_XU_LY")))
                .isFalse();

        Path delivering = MappingFixtures.withTextPolicy(dir.resolve("d"), "deliver", "quarantine");
        ObjectNode delivered = PortalMapping.load(delivering).dossier(dossier);
        assertThat(delivered.get("ChuHoSo").textValue()).isEqualTo(decomposed);
        assertThat(new PortalRules(TextPolicy.load(delivering)).checkDossier(delivered, PROVINCE))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "dossier-fields.yaml | '{from: code}' | '{from: kode}' | dossier-fields.yaml line {line}, MaHoSo: unknown source property 'kode'",
                "dossier-fields.yaml | '{from: applicant.fullName}' | '{from: applicant.fulName}' | ChuHoSo: unknown source property 'applicant.fulName'",
                "dossier-fields.yaml | 'table: unit-agency' | 'table: units' | MaDonViXuLy: unknown table 'units'",
                "dossier-fields.yaml | '{from: paidOnline, type: flag}' | '{from: paidOnline}' | DuocThanhToanTrucTuyen: type string cannot convert 'paidOnline' (a yes/no); use type: flag",
                "dossier-fields.yaml | 'type: datetime}' | 'type: time}' | NgayNopHoSo: unknown type 'time'",
                "dossier-fields.yaml | '{from: summary}' | '{form: summary}' | TrichYeuHoSo: unknown key 'form'",
                "dossier-fields.yaml | 'Email:' | 'EMail:' | EMail: not a portal field",
                "step-fields.yaml | '{from: handler}' | '{from: officer}' | step-fields.yaml line {line}, NguoiXuLy: unknown source property 'officer'",
                "code-tables.yaml | 'missing: reject' | 'missing: passthrough' | TrangThaiHoSo: must be translated through a code table with 'missing: reject'",
                "code-tables.yaml | 'missing: reject' | 'missing: drop' | status: missing: 'drop' is not reject",
                "code-tables/status.csv | 'TU_CHOI,3' | 'MOI_DANG_KY,3' | status.csv line {line}: city code 'MOI_DANG_KY' already listed on line 2",
                "text-policy.yaml | 'action: normalise ' | 'action: normalize ' | TEXT_NOT_NFC: action 'normalize' is not one of [quarantine, normalise, deliver]",
                "text-policy.yaml | 'action: deliver             # or quarantine' | 'action: normalise' | TEXT_SQL_LIKE: action 'normalise' is not one of [quarantine, deliver]",
                "text-policy.yaml | '(?:drop' | '(?:drop(' | TEXT_SQL_LIKE: pattern 'statement-after-quote' is not a valid regular expression",
                "text-policy.yaml | 'TEXT_SQL_LIKE:' | 'TEXT_SQL_LIKES:' | TEXT_SQL_LIKES: unknown rule"
            })
    void aBrokenMappingFailsToLoadNamingTheFileAndKey(
            String file, String original, String broken, String message, @TempDir Path dir) throws IOException {
        Path copy = MappingFixtures.copyMappings(dir);
        Path target = copy.resolve(file);
        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(text).contains(original);
        int line = text.substring(0, text.indexOf(original)).split("\n", -1).length;
        Files.writeString(
                target, text.replaceFirst(java.util.regex.Pattern.quote(original), broken), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PortalMapping.load(copy))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(message.replace("{line}", String.valueOf(line)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dossier-fields.yaml", "code-tables/status.csv", "text-policy.yaml"})
    void aMissingMappingFileIsNamed(String file, @TempDir Path dir) throws IOException {
        Path copy = MappingFixtures.copyMappings(dir);
        Files.delete(copy.resolve(file));

        assertThatThrownBy(() -> PortalMapping.load(copy))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(Path.of(file).getFileName().toString());
    }
}
