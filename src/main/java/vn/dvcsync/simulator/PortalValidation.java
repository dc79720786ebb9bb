package vn.dvcsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The portal's field rules for a dossier ({@code DongBoHoSoMC}) and a processing step
 * ({@code CapNhatTienDoHoSoMC}), as in the dossier table of the contract. Each violation is one
 * message that starts with the field's name; an item with any violation gets item code {@code 2}.
 */
final class PortalValidation {

    static final int MAX_MA_HO_SO = 60;
    static final int MAX_TRICH_YEU = 2000;
    private static final List<String> CHANNELS = List.of("1", "2", "3");
    private static final List<String> APPLICANT_KINDS = List.of("1", "2", "3", "4");
    static final List<String> STATUSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    private static final List<String> FLAGS = List.of("0", "1");
    private static final List<String> REQUIRED_TEXTS =
            List.of("TenTTHC", "MaLinhVuc", "TenLinhVuc", "ChuHoSo", "MaDonViXuLy", "DonViXuLy");
    private static final List<String> FLAG_FIELDS =
            List.of("DuocThanhToanTrucTuyen", "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID");
    private static final List<String> STEP_TIMES = List.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh");

    private final String prefix;
    private final Predicate<String> knownProcedure;

    /**
     * @param provinceCode   every {@code MaHoSo} starts with it and a dot
     * @param knownProcedure whether a {@code MaTTHC} is in the province's catalogue
     */
    PortalValidation(String provinceCode, Predicate<String> knownProcedure) {
        this.prefix = provinceCode + ".";
        this.knownProcedure = knownProcedure;
    }

    /** @return the dossier's violations, empty when it is valid */
    List<String> dossier(JsonNode dossier) {
        Fields f = new Fields(dossier);
        if (!dossier.isObject()) {
            f.violation("dossier: not a JSON object");
            return f.violations;
        }
        String maHoSo = f.text("MaHoSo", true);
        if (maHoSo != null) {
            if (maHoSo.length() > MAX_MA_HO_SO) {
                f.violation("MaHoSo: longer than " + MAX_MA_HO_SO + " characters");
            }
            if (!maHoSo.chars().allMatch(c -> c < 0x80)) {
                f.violation("MaHoSo: not ASCII");
            }
            if (!maHoSo.startsWith(prefix)) {
                f.violation("MaHoSo: does not start with " + prefix);
            }
        }
        String maTTHC = f.text("MaTTHC", true);
        if (maTTHC != null && !knownProcedure.test(maTTHC)) {
            f.violation("MaTTHC: " + maTTHC + " is not in the province's catalogue");
        }
        REQUIRED_TEXTS.forEach(name -> f.text(name, true));
        f.code("KenhThucHien", true, CHANNELS);
        String kind = f.code("LoaiDoiTuong", true, APPLICANT_KINDS);
        identities(f, "1".equals(kind));
        String summary = f.text("TrichYeuHoSo", true);
        if (summary != null && summary.codePointCount(0, summary.length()) > MAX_TRICH_YEU) {
            f.violation("TrichYeuHoSo: longer than " + MAX_TRICH_YEU + " characters");
        }
        f.time("NgayNopHoSo", false);
        LocalDateTime received = f.time("NgayTiepNhan", true);
        LocalDateTime due = f.time("NgayHenTra", true);
        if (received != null && due != null && due.isBefore(received)) {
            f.violation("NgayHenTra: before NgayTiepNhan");
        }
        String status = f.code("TrangThaiHoSo", true, STATUSES);
        boolean finished = "9".equals(status) || "10".equals(status);
        f.time("NgayKetThucXuLy", false);
        f.time("NgayTra", false);
        if (finished && f.absent("NgayKetThucXuLy")) {
            f.violation("NgayKetThucXuLy: required for TrangThaiHoSo " + status);
        }
        if ("10".equals(status) && f.absent("NgayTra")) {
            f.violation("NgayTra: required for TrangThaiHoSo 10");
        }
        FLAG_FIELDS.forEach(name -> f.code(name, false, FLAGS));
        return f.violations;
    }

    /** @return the step's violations, empty when it is valid */
    List<String> step(JsonNode step) {
        Fields f = new Fields(step);
        if (!step.isObject()) {
            f.violation("step: not a JSON object");
            return f.violations;
        }
        f.text("MaHoSo", true);
        f.code("TrangThai", false, STATUSES);
        STEP_TIMES.forEach(name -> f.time(name, false));
        return f.violations;
    }

    private static void identities(Fields f, boolean required) {
        JsonNode ids = f.node.get("DinhDanhCHS");
        if (ids == null || ids.isNull() || (ids.isArray() && ids.isEmpty())) {
            if (required) {
                f.violation("DinhDanhCHS: required for LoaiDoiTuong 1");
            }
            return;
        }
        if (!ids.isArray()) {
            f.violation("DinhDanhCHS: not a JSON array");
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            String at = "DinhDanhCHS[" + i + "].";
            JsonNode id = ids.get(i);
            JsonNode kind = id.get("LoaiDinhDanh");
            JsonNode number = id.get("SoDinhDanh");
            int digits = kind == null || !kind.isTextual()
                    ? 0
                    : switch (kind.asText()) {
                        case "1" -> 12;
                        case "2" -> 9;
                        default -> 0;
                    };
            if (digits == 0) {
                f.violation(at + "LoaiDinhDanh: must be \"1\" or \"2\"");
            } else if (number == null || !number.isTextual() || !number.asText().matches("[0-9]{" + digits + "}")) {
                f.violation(at + "SoDinhDanh: must be " + digits + " digits for LoaiDinhDanh " + kind.asText());
            }
        }
    }

    /** Reads fields of one item, collecting violations. */
    private static final class Fields {
        private final JsonNode node;
        private final List<String> violations = new ArrayList<>();

        private Fields(JsonNode node) {
            this.node = node;
        }

        void violation(String message) {
            violations.add(message);
        }

        boolean absent(String name) {
            JsonNode value = node.get(name);
            return value == null
                    || value.isNull()
                    || (value.isTextual() && value.asText().isBlank());
        }

        /** @return the field's text; null when absent, blank or not a JSON string */
        String text(String name, boolean required) {
            if (absent(name)) {
                if (required) {
                    violation(name + ": required");
                }
                return null;
            }
            JsonNode value = node.get(name);
            if (!value.isTextual()) {
                violation(name + ": not a JSON string");
                return null;
            }
            return value.asText();
        }

        String code(String name, boolean required, List<String> allowed) {
            String value = text(name, required);
            if (value != null && !allowed.contains(value)) {
                violation(name + ": \"" + value + "\" is not one of " + allowed);
                return null;
            }
            return value;
        }

        LocalDateTime time(String name, boolean required) {
            String value = text(name, required);
            if (value == null) {
                return null;
            }
            LocalDateTime time = VietnamTime.parse(value);
            if (time == null) {
                violation(name + ": \"" + value + "\" is not yyyyMMddHHmmss");
            }
            return time;
        }
    }
}
