package vn.dvcsync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/** Valid test dossiers for the portal simulator. */
final class SampleDossiers {

    static final String PROCEDURE = "1.001612.000.00.00.H26";
    static final List<CatalogueEntry> CATALOGUE = List.of(
            new CatalogueEntry(PROCEDURE, "Đăng ký khai sinh", "G01", "Hộ tịch", true, LocalDate.of(2023, 7, 1)),
            new CatalogueEntry("2.000889.000.00.00.H26", "Cấp giấy phép xây dựng", "G09", "Xây dựng", false, null));

    private SampleDossiers() {}

    /** A valid dossier, status 4 (processing), received at {@code ngayTiepNhan}. */
    static ObjectNode dossier(String maHoSo, String ngayTiepNhan) {
        ObjectNode dossier = PortalCalls.MAPPER
                .createObjectNode()
                .put("MaHoSo", maHoSo)
                .put("MaTTHC", PROCEDURE)
                .put("TenTTHC", "Đăng ký khai sinh")
                .put("MaLinhVuc", "G01")
                .put("TenLinhVuc", "Hộ tịch")
                .put("KenhThucHien", "2")
                .put("ChuHoSo", "Nguyễn Văn An")
                .put("LoaiDoiTuong", "1")
                .put("TrichYeuHoSo", "Đăng ký khai sinh cho con")
                .put("NgayNopHoSo", ngayTiepNhan)
                .put("NgayTiepNhan", ngayTiepNhan)
                .put("NgayHenTra", "20991231170000")
                .put("TrangThaiHoSo", "4")
                .put("MaDonViXuLy", "000.00.04.H26")
                .put("DonViXuLy", "UBND phường Phúc Xá")
                .put("DuocThanhToanTrucTuyen", "0");
        dossier.putArray("DinhDanhCHS").addObject().put("LoaiDinhDanh", "1").put("SoDinhDanh", "001203004567");
        return dossier;
    }

    static ObjectNode dossier(String maHoSo) {
        return dossier(maHoSo, "20240115083000");
    }
}
