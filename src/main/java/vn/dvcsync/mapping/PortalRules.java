package vn.dvcsync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The national portal's rules for a dossier ({@code DongBoHoSoMC}) and a step ({@code CapNhatTienDoHoSoMC}),
 * plus the gateway's own hygiene rules for bad city input (the text policy of {@code mappings/text-policy.yaml}
 * among them: {@link TextPolicy}), checked BEFORE sending: a record with any violation is quarantined as
 * {@code DOSSIER_INVALID}, never sent. Catalogue membership of {@code MaTTHC} is not checked here (the portal
 * answers item code 2 for it). Immutable and thread-safe.
 */
public final class PortalRules {

    /** Every field of the portal's dossier, in the order of portal-api.md. */
    static final Set<String> DOSSIER_FIELDS = ordered(
            "MaHoSo",
            "MaTTHC",
            "TenTTHC",
            "MaLinhVuc",
            "TenLinhVuc",
            "KenhThucHien",
            "ChuHoSo",
            "LoaiDoiTuong",
            "DinhDanhCHS",
            "SoDienThoai",
            "Email",
            "TrichYeuHoSo",
            "NgayNopHoSo",
            "NgayTiepNhan",
            "NgayHenTra",
            "NgayKetThucXuLy",
            "NgayTra",
            "TrangThaiHoSo",
            "MaDonViXuLy",
            "DonViXuLy",
            "DuocThanhToanTrucTuyen",
            "HoSoCoThanhPhanSoHoa",
            "TaiKhoanDuocXacThucVoiVNeID");

    /** Every field of the portal's processing step. */
    static final Set<String> STEP_FIELDS = ordered(
            "MaHoSo",
            "NguoiXuLy",
            "ChucDanh",
            "PhongBanXuLy",
            "NoiDungXuLy",
            "TrangThai",
            "ThoiDiemXuLy",
            "NgayBatDau",
            "NgayKetThucTheoQuyDinh");

    private static final Set<String> STATUS_CODES = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    private static final Set<String> FLAG = Set.of("0", "1");

    private record Kind(List<String> required, List<String> times, Map<String, Set<String>> codes) {}

    private static final Kind DOSSIER = new Kind(
            List.of(
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
                    "DonViXuLy"),
            List.of("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra"),
            Map.of(
                    "KenhThucHien",
                    Set.of("1", "2", "3"),
                    "LoaiDoiTuong",
                    Set.of("1", "2", "3", "4"),
                    "TrangThaiHoSo",
                    STATUS_CODES,
                    "DuocThanhToanTrucTuyen",
                    FLAG,
                    "HoSoCoThanhPhanSoHoa",
                    FLAG,
                    "TaiKhoanDuocXacThucVoiVNeID",
                    FLAG));

    private static final Kind STEP = new Kind(
            List.of("MaHoSo", "TrangThai", "ThoiDiemXuLy"),
            List.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh"),
            Map.of("TrangThai", STATUS_CODES));

    /**
     * Longest text accepted, in characters. {@code MaHoSo} and {@code TrichYeuHoSo} are the portal's limits;
     * the others are the gateway's hygiene limits (the reference city schema's column sizes).
     */
    private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
            Map.entry("MaHoSo", 60),
            Map.entry("TrichYeuHoSo", 2000),
            Map.entry("MaTTHC", 40),
            Map.entry("TenTTHC", 1000),
            Map.entry("MaLinhVuc", 20),
            Map.entry("TenLinhVuc", 255),
            Map.entry("ChuHoSo", 255),
            Map.entry("SoDienThoai", 20),
            Map.entry("Email", 255),
            Map.entry("MaDonViXuLy", 40),
            Map.entry("DonViXuLy", 255),
            Map.entry("NguoiXuLy", 255),
            Map.entry("ChucDanh", 255),
            Map.entry("PhongBanXuLy", 255),
            Map.entry("NoiDungXuLy", 2000));

    /** Free-text fields where tab and line breaks are legitimate (other control characters are not). */
    private static final Set<String> MULTILINE = Set.of("TrichYeuHoSo", "NoiDungXuLy");

    private final TextPolicy text;

    public PortalRules(TextPolicy text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** @return every broken rule of a portal dossier; empty when it may be sent */
    public List<Violation> checkDossier(ObjectNode portalDossier, String provinceCode) {
        List<Violation> violations = check(portalDossier, provinceCode, DOSSIER);
        checkIdentity(portalDossier, violations);
        checkOrder(portalDossier, violations);
        checkStatusDates(portalDossier, violations);
        return violations;
    }

    /** @return every broken rule of a portal processing step; empty when it may be sent */
    public List<Violation> checkStep(ObjectNode step, String provinceCode) {
        return check(step, provinceCode, STEP);
    }

    private List<Violation> check(ObjectNode record, String provinceCode, Kind kind) {
        Objects.requireNonNull(provinceCode, "provinceCode");
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : record.properties()) {
            String field = e.getKey();
            JsonNode value = e.getValue();
            if (value.isTextual()) {
                checkText(field, value.textValue(), violations);
                text.check(field, value.textValue(), violations);
            } else if (!value.isNull() && !field.equals("DinhDanhCHS")) {
                violations.add(new Violation(field, "format", field + " must be a JSON string"));
            }
        }
        for (String field : kind.required()) {
            JsonNode value = record.get(field);
            if (value == null
                    || value.isNull()
                    || value.isTextual() && value.textValue().isBlank()) {
                violations.add(new Violation(
                        field,
                        "required",
                        field + " is required but missing (empty in the city, or not translatable by the code table)"));
            }
        }
        checkCode(record, provinceCode, violations);
        for (Map.Entry<String, Set<String>> e : kind.codes().entrySet()) {
            String value = text(record, e.getKey());
            if (value != null && !e.getValue().contains(value)) {
                violations.add(new Violation(
                        e.getKey(),
                        "code",
                        e.getKey() + " '" + value + "' is not one of the portal's codes " + sorted(e.getValue())));
            }
        }
        for (String field : kind.times()) {
            String value = text(record, field);
            if (value != null && !PortalTime.valid(value)) {
                violations.add(new Violation(field, "format", field + " '" + value + "' is not a time yyyyMMddHHmmss"));
            }
        }
        return violations;
    }

    private static void checkText(String field, String text, List<Violation> violations) {
        boolean multiline = MULTILINE.contains(field);
        boolean control = false;
        boolean unpaired = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!control && Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                violations.add(new Violation(field, "control-chars", field + " contains control characters"));
                control = true;
            } else if (!unpaired && Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one character outside the BMP
                } else {
                    // half a character: JSON cannot carry it as text, the portal would get U+FFFD or nothing
                    violations.add(new Violation(
                            field, "unpaired-surrogate", field + " holds half a character (an unpaired surrogate)"));
                    unpaired = true;
                }
            }
        }
        Integer max = MAX_LENGTH.get(field);
        if (max != null && text.length() > max) { // never more code points than chars: count only then
            int length = text.codePointCount(0, text.length());
            if (length > max) {
                violations.add(new Violation(
                        field, "max-length", field + " has " + length + " characters, at most " + max + " allowed"));
            }
        }
    }

    /** MaHoSo: ASCII and starting with the province code and a dot (its length is in MAX_LENGTH). */
    private static void checkCode(ObjectNode record, String provinceCode, List<Violation> violations) {
        String code = text(record, "MaHoSo");
        if (code == null) {
            return;
        }
        if (!code.startsWith(provinceCode + ".")) {
            violations.add(
                    new Violation("MaHoSo", "prefix", "MaHoSo '" + code + "' must start with '" + provinceCode + ".'"));
        }
        if (!code.chars().allMatch(c -> c < 0x80)) {
            violations.add(new Violation("MaHoSo", "format", "MaHoSo '" + code + "' must be ASCII only"));
        }
    }

    /** DinhDanhCHS: required for a citizen; each entry type 1 with 12 digits or type 2 with 9 digits. */
    private static void checkIdentity(ObjectNode dossier, List<Violation> violations) {
        JsonNode ids = dossier.get("DinhDanhCHS");
        if (ids == null || ids.isNull() || ids.isArray() && ids.isEmpty()) {
            if ("1".equals(text(dossier, "LoaiDoiTuong"))) {
                violations.add(new Violation(
                        "DinhDanhCHS",
                        "required",
                        "DinhDanhCHS is required for a citizen (LoaiDoiTuong 1): the applicant has no ID number"));
            }
            return;
        }
        if (!ids.isArray()) {
            violations.add(new Violation("DinhDanhCHS", "format", "DinhDanhCHS must be a list"));
            return;
        }
        for (JsonNode id : ids) {
            String type = id.path("LoaiDinhDanh").isTextual()
                    ? id.path("LoaiDinhDanh").textValue()
                    : null;
            String number =
                    id.path("SoDinhDanh").isTextual() ? id.path("SoDinhDanh").textValue() : "";
            boolean digits = !number.isEmpty() && number.chars().allMatch(c -> c >= '0' && c <= '9');
            boolean valid =
                    digits && ("1".equals(type) && number.length() == 12 || "2".equals(type) && number.length() == 9);
            if (!valid) {
                // the number itself is personal data: describe it, never echo it
                violations.add(new Violation(
                        "DinhDanhCHS",
                        "format",
                        "DinhDanhCHS must be LoaiDinhDanh 1 with a 12-digit SoDinhDanh or 2 with a 9-digit one (got "
                                + (type == null ? "no type" : "type " + type) + ", " + number.length() + " characters"
                                + (digits || number.isEmpty() ? "" : ", not all digits") + ")"));
                return;
            }
        }
    }

    /** NgayHenTra not before NgayTiepNhan. */
    private static void checkOrder(ObjectNode dossier, List<Violation> violations) {
        String received = text(dossier, "NgayTiepNhan");
        String due = text(dossier, "NgayHenTra");
        if (received != null
                && due != null
                && PortalTime.valid(received)
                && PortalTime.valid(due)
                && due.compareTo(received) < 0) {
            violations.add(
                    new Violation("NgayHenTra", "order", "NgayHenTra " + due + " is before NgayTiepNhan " + received));
        }
    }

    /** Status 9 needs NgayKetThucXuLy; status 10 needs NgayKetThucXuLy and NgayTra. */
    private static void checkStatusDates(ObjectNode dossier, List<Violation> violations) {
        String status = text(dossier, "TrangThaiHoSo");
        if (!"9".equals(status) && !"10".equals(status)) {
            return;
        }
        List<String> needed = status.equals("9") ? List.of("NgayKetThucXuLy") : List.of("NgayKetThucXuLy", "NgayTra");
        for (String field : needed) {
            if (text(dossier, field) == null) {
                violations.add(new Violation(
                        field, "status-dates", "TrangThaiHoSo " + status + " needs " + field + " but it is missing"));
            }
        }
    }

    /** @return the field's text, or null when absent, not text, or blank */
    private static String text(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }

    private static List<Integer> sorted(Set<String> codes) {
        return codes.stream().map(Integer::valueOf).sorted().toList();
    }

    private static Set<String> ordered(String... fields) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(fields)));
    }
}
