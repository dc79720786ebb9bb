package vn.dvcsync.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 12-digit personal ID number (số định danh cá nhân, Decree 137/2015/NĐ-CP, Circular 07/2016/TT-BCA):
 * digits 1–3 the province where the birth was registered, digit 4 century and sex (20th century male
 * {@code 0}, female {@code 1}; 21st {@code 2}/{@code 3}; 22nd {@code 4}/{@code 5}; …), digits 5–6 the
 * last two digits of the birth year, digits 7–12 a serial.
 */
public final class IdNumbers {

    /** Field names of the contradictions, as the portal and the mismatch report name them. */
    public static final String ID_NUMBER = "SoDinhDanh";

    public static final String SEX = "GioiTinh";
    public static final String BIRTH_DATE = "NgaySinh";

    /** The 63 provinces' codes (Circular 07/2016/TT-BCA, appendix 1). */
    static final Map<String, String> PROVINCES = Map.ofEntries(
            Map.entry("001", "Hà Nội"),
            Map.entry("002", "Hà Giang"),
            Map.entry("004", "Cao Bằng"),
            Map.entry("006", "Bắc Kạn"),
            Map.entry("008", "Tuyên Quang"),
            Map.entry("010", "Lào Cai"),
            Map.entry("011", "Điện Biên"),
            Map.entry("012", "Lai Châu"),
            Map.entry("014", "Sơn La"),
            Map.entry("015", "Yên Bái"),
            Map.entry("017", "Hòa Bình"),
            Map.entry("019", "Thái Nguyên"),
            Map.entry("020", "Lạng Sơn"),
            Map.entry("022", "Quảng Ninh"),
            Map.entry("024", "Bắc Giang"),
            Map.entry("025", "Phú Thọ"),
            Map.entry("026", "Vĩnh Phúc"),
            Map.entry("027", "Bắc Ninh"),
            Map.entry("030", "Hải Dương"),
            Map.entry("031", "Hải Phòng"),
            Map.entry("033", "Hưng Yên"),
            Map.entry("034", "Thái Bình"),
            Map.entry("035", "Hà Nam"),
            Map.entry("036", "Nam Định"),
            Map.entry("037", "Ninh Bình"),
            Map.entry("038", "Thanh Hóa"),
            Map.entry("040", "Nghệ An"),
            Map.entry("042", "Hà Tĩnh"),
            Map.entry("044", "Quảng Bình"),
            Map.entry("045", "Quảng Trị"),
            Map.entry("046", "Thừa Thiên Huế"),
            Map.entry("048", "Đà Nẵng"),
            Map.entry("049", "Quảng Nam"),
            Map.entry("051", "Quảng Ngãi"),
            Map.entry("052", "Bình Định"),
            Map.entry("054", "Phú Yên"),
            Map.entry("056", "Khánh Hòa"),
            Map.entry("058", "Ninh Thuận"),
            Map.entry("060", "Bình Thuận"),
            Map.entry("062", "Kon Tum"),
            Map.entry("064", "Gia Lai"),
            Map.entry("066", "Đắk Lắk"),
            Map.entry("067", "Đắk Nông"),
            Map.entry("068", "Lâm Đồng"),
            Map.entry("070", "Bình Phước"),
            Map.entry("072", "Tây Ninh"),
            Map.entry("074", "Bình Dương"),
            Map.entry("075", "Đồng Nai"),
            Map.entry("077", "Bà Rịa - Vũng Tàu"),
            Map.entry("079", "Hồ Chí Minh"),
            Map.entry("080", "Long An"),
            Map.entry("082", "Tiền Giang"),
            Map.entry("083", "Bến Tre"),
            Map.entry("084", "Trà Vinh"),
            Map.entry("086", "Vĩnh Long"),
            Map.entry("087", "Đồng Tháp"),
            Map.entry("089", "An Giang"),
            Map.entry("091", "Kiên Giang"),
            Map.entry("092", "Cần Thơ"),
            Map.entry("093", "Hậu Giang"),
            Map.entry("094", "Sóc Trăng"),
            Map.entry("095", "Bạc Liêu"),
            Map.entry("096", "Cà Mau"));

    private IdNumbers() {}

    /**
     * The value with all but its last 4 characters replaced by {@code *} ({@code ********4567});
     * a value of 4 characters or fewer is masked whole. Null stays null.
     */
    public static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        int keep = idNumber.length() > 4 ? 4 : 0;
        return "*".repeat(idNumber.length() - keep) + idNumber.substring(idNumber.length() - keep);
    }

    /** Exactly 12 ASCII digits. */
    public static boolean wellFormed12(String idNumber) {
        if (idNumber == null || idNumber.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = idNumber.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The fields the ID number contradicts: {@code SoDinhDanh} when it is not 12 digits or its province
     * code is unknown, {@code GioiTinh} when its century/sex digit does not fit {@code sex},
     * {@code NgaySinh} when its century digit or year digits do not fit the birth year.
     * Unknown values (null, a sex other than 1 or 2) contradict nothing; a null ID number neither, nor a
     * 9-digit old ID card number (it carries no province, century or year digits to check).
     *
     * @param sex 1 male, 2 female
     */
    public static List<String> contradictions(String idNumber, LocalDate birthDate, Integer sex) {
        List<String> fields = new ArrayList<>();
        if (idNumber == null || idNumber.matches("\\d{9}")) {
            return fields;
        }
        if (!wellFormed12(idNumber)) {
            fields.add(ID_NUMBER);
            return fields;
        }
        if (!PROVINCES.containsKey(idNumber.substring(0, 3))) {
            fields.add(ID_NUMBER);
        }
        if (sex != null && (sex == 1 || sex == 2) && sex != impliedSex(idNumber)) {
            fields.add(SEX);
        }
        if (birthDate != null && birthDate.getYear() != impliedBirthYear(idNumber)) {
            fields.add(BIRTH_DATE);
        }
        return fields;
    }

    /** The sex digit 4 of a well-formed number implies: 1 male (even digit), 2 female (odd). */
    public static int impliedSex(String idNumber) {
        return (idNumber.charAt(3) - '0') % 2 == 0 ? 1 : 2;
    }

    /** The birth year digits 4–6 of a well-formed number imply (digit 4 gives the century from 1900). */
    public static int impliedBirthYear(String idNumber) {
        int century = (idNumber.charAt(3) - '0') / 2;
        return 1900 + century * 100 + Integer.parseInt(idNumber.substring(4, 6));
    }
}
