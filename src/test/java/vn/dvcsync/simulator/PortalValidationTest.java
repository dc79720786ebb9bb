package vn.dvcsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvcsync.simulator.SampleDossiers.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortalValidationTest {

    private final PortalValidation rules = new PortalValidation("H26", SampleDossiers.PROCEDURE::equals);

    @Test
    void aCompleteDossierIsValid() {
        assertThat(rules.dossier(dossier("H26.2024.000001"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void eachRuleNamesItsField(String field, Consumer<ObjectNode> change) {
        ObjectNode dossier = dossier("H26.2024.000001");
        change.accept(dossier);

        List<String> violations = rules.dossier(dossier);

        assertThat(violations).singleElement().asString().startsWith(field + ":");
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                rule("MaHoSo", d -> d.remove("MaHoSo")),
                rule("MaHoSo", d -> d.put("MaHoSo", "H26." + "x".repeat(57))),
                rule("MaHoSo", d -> d.put("MaHoSo", "H26.Đ1")),
                rule("MaHoSo", d -> d.put("MaHoSo", "H29.2024.000001")),
                rule("MaHoSo", d -> d.put("MaHoSo", "H26-2024")),
                rule("MaTTHC", d -> d.put("MaTTHC", "9.999999.000.00.00.H26")),
                rule("TenTTHC", d -> d.put("TenTTHC", " ")),
                rule("MaLinhVuc", d -> d.putNull("MaLinhVuc")),
                rule("TenLinhVuc", d -> d.remove("TenLinhVuc")),
                rule("ChuHoSo", d -> d.remove("ChuHoSo")),
                rule("MaDonViXuLy", d -> d.remove("MaDonViXuLy")),
                rule("DonViXuLy", d -> d.remove("DonViXuLy")),
                rule("KenhThucHien", d -> d.put("KenhThucHien", "4")),
                rule("KenhThucHien", d -> d.put("KenhThucHien", 2)),
                rule("LoaiDoiTuong", d -> d.put("LoaiDoiTuong", "5")),
                rule("DinhDanhCHS", d -> d.remove("DinhDanhCHS")),
                rule("DinhDanhCHS", d -> d.putArray("DinhDanhCHS")),
                rule("DinhDanhCHS[0].SoDinhDanh", d -> id(d).put("SoDinhDanh", "00120300456A")),
                rule("DinhDanhCHS[0].SoDinhDanh", d -> id(d).put("LoaiDinhDanh", "2")),
                rule("DinhDanhCHS[0].LoaiDinhDanh", d -> id(d).put("LoaiDinhDanh", "3")),
                rule("TrichYeuHoSo", d -> d.put("TrichYeuHoSo", "ắ".repeat(2001))),
                rule("TrichYeuHoSo", d -> d.remove("TrichYeuHoSo")),
                rule("NgayNopHoSo", d -> d.put("NgayNopHoSo", "2024-01-15 08:30")),
                rule("NgayTiepNhan", d -> d.remove("NgayTiepNhan")),
                rule("NgayTiepNhan", d -> d.put("NgayTiepNhan", "20240230083000")),
                rule("NgayHenTra", d -> d.put("NgayHenTra", "20240115082959")),
                rule("NgayHenTra", d -> d.remove("NgayHenTra")),
                rule("TrangThaiHoSo", d -> d.put("TrangThaiHoSo", "11")),
                rule("TrangThaiHoSo", d -> d.remove("TrangThaiHoSo")),
                rule("NgayKetThucXuLy", d -> d.put("TrangThaiHoSo", "9")),
                rule("NgayTra", d -> d.put("TrangThaiHoSo", "10").put("NgayKetThucXuLy", "20240120100000")),
                rule("NgayKetThucXuLy", d -> d.put("NgayKetThucXuLy", "20240120")),
                rule("DuocThanhToanTrucTuyen", d -> d.put("DuocThanhToanTrucTuyen", "2")),
                rule("HoSoCoThanhPhanSoHoa", d -> d.put("HoSoCoThanhPhanSoHoa", "true")),
                rule("TaiKhoanDuocXacThucVoiVNeID", d -> d.put("TaiKhoanDuocXacThucVoiVNeID", "x")));
    }

    @Test
    void limitsAndOptionalFieldsThatAreFine() {
        ObjectNode dossier = dossier("H26." + "x".repeat(56))
                .put("TrichYeuHoSo", "ắ".repeat(2000))
                .put("NgayHenTra", "20240115083000")
                .put("TrangThaiHoSo", "10")
                .put("NgayKetThucXuLy", "20240120100000")
                .put("NgayTra", "20240121100000")
                .put("SoDienThoai", "")
                .put("LoaiDoiTuong", "2");
        dossier.remove("DinhDanhCHS");
        dossier.remove("NgayNopHoSo");

        assertThat(rules.dossier(dossier)).isEmpty();
        assertThat(rules.dossier(dossier("H26.old")
                        .put("LoaiDoiTuong", "1")
                        .set(
                                "DinhDanhCHS",
                                PortalCalls.MAPPER
                                        .createArrayNode()
                                        .add(PortalCalls.MAPPER
                                                .createObjectNode()
                                                .put("LoaiDinhDanh", "2")
                                                .put("SoDinhDanh", "012345678")))))
                .isEmpty();
    }

    @Test
    void everyViolationIsReported() {
        ObjectNode dossier = dossier("H29.1").put("KenhThucHien", "0");
        dossier.remove("ChuHoSo");

        assertThat(rules.dossier(dossier)).hasSize(3);
        assertThat(rules.dossier(PortalCalls.MAPPER.getNodeFactory().textNode("H26.1")))
                .hasSize(1);
    }

    @Test
    void stepRules() {
        ObjectNode step = PortalCalls.MAPPER
                .createObjectNode()
                .put("MaHoSo", "H26.1")
                .put("TrangThai", "4")
                .put("ThoiDiemXuLy", "20240115090000");
        assertThat(rules.step(step)).isEmpty();
        assertThat(rules.step(step.deepCopy().put("TrangThai", "12")))
                .singleElement()
                .asString()
                .startsWith("TrangThai:");
        assertThat(rules.step(step.deepCopy().put("NgayBatDau", "x")))
                .singleElement()
                .asString()
                .startsWith("NgayBatDau:");
        assertThat(rules.step(step.deepCopy().putNull("MaHoSo")))
                .singleElement()
                .asString()
                .startsWith("MaHoSo:");
    }

    private static ObjectNode id(ObjectNode dossier) {
        return (ObjectNode) dossier.get("DinhDanhCHS").get(0);
    }

    private static Arguments rule(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, change);
    }
}
