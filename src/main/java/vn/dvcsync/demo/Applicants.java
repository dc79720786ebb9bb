package vn.dvcsync.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

/**
 * The applicants (chủ hồ sơ). Ids are laid out as citizens, enterprises, organisations, then the dedicated
 * applicants of planted defects (one dossier each). Everything but the ID number is a function of the seed
 * and the id, so a dossier can name its applicant; ID numbers come from counters and are allocated in id
 * order by {@link Ids}, which makes them unique.
 */
final class Applicants {

    /** What is special about a dedicated applicant. */
    enum Special {
        /** not in the population registry */
        NOT_FOUND,
        /** the registry spells the name differently */
        NAME,
        /** the registry has another birth date in the same year */
        BIRTH,
        /** the registry has the other sex */
        SEX,
        /** the ID number's year digits contradict the birth year (registry as the city) */
        ID_YEAR,
        /** the ID number's sex digit contradicts the sex (registry as the city) */
        ID_SEX,
        /** a citizen without an ID number */
        NO_ID
    }

    /** One applicant, filled in place. */
    static final class Person {
        long id;
        int kind;
        Special special;
        String ho;
        String chuDem;
        String ten;
        String name;
        int sex;
        long birthDay;
        boolean yearOnly;
        boolean oldId;
        int province;
        int idCenturySex;
        int idYear;
        String phone;
        String email;
        String address;

        boolean citizen() {
            return kind == 1;
        }

        /** "ông Nguyễn Văn An", "bà …", or the organisation's name. */
        String label() {
            return kind == 1 ? (sex == 2 ? "bà " : "ông ") + name : name;
        }
    }

    /** The 63 provinces' codes of the personal ID number, Hà Nội first. */
    static final String[] PROVINCES = {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"
    };

    private static final String[] PROVINCE_NAMES = {
        "thành phố Hà Nội",
        "tỉnh Hà Giang",
        "tỉnh Cao Bằng",
        "tỉnh Bắc Kạn",
        "tỉnh Tuyên Quang",
        "tỉnh Lào Cai",
        "tỉnh Điện Biên",
        "tỉnh Lai Châu",
        "tỉnh Sơn La",
        "tỉnh Yên Bái",
        "tỉnh Hòa Bình",
        "tỉnh Thái Nguyên",
        "tỉnh Lạng Sơn",
        "tỉnh Quảng Ninh",
        "tỉnh Bắc Giang",
        "tỉnh Phú Thọ",
        "tỉnh Vĩnh Phúc",
        "tỉnh Bắc Ninh",
        "tỉnh Hải Dương",
        "thành phố Hải Phòng",
        "tỉnh Hưng Yên",
        "tỉnh Thái Bình",
        "tỉnh Hà Nam",
        "tỉnh Nam Định",
        "tỉnh Ninh Bình",
        "tỉnh Thanh Hóa",
        "tỉnh Nghệ An",
        "tỉnh Hà Tĩnh",
        "tỉnh Quảng Bình",
        "tỉnh Quảng Trị",
        "tỉnh Thừa Thiên Huế",
        "thành phố Đà Nẵng",
        "tỉnh Quảng Nam",
        "tỉnh Quảng Ngãi",
        "tỉnh Bình Định",
        "tỉnh Phú Yên",
        "tỉnh Khánh Hòa",
        "tỉnh Ninh Thuận",
        "tỉnh Bình Thuận",
        "tỉnh Kon Tum",
        "tỉnh Gia Lai",
        "tỉnh Đắk Lắk",
        "tỉnh Đắk Nông",
        "tỉnh Lâm Đồng",
        "tỉnh Bình Phước",
        "tỉnh Tây Ninh",
        "tỉnh Bình Dương",
        "tỉnh Đồng Nai",
        "tỉnh Bà Rịa - Vũng Tàu",
        "thành phố Hồ Chí Minh",
        "tỉnh Long An",
        "tỉnh Tiền Giang",
        "tỉnh Bến Tre",
        "tỉnh Trà Vinh",
        "tỉnh Vĩnh Long",
        "tỉnh Đồng Tháp",
        "tỉnh An Giang",
        "tỉnh Kiên Giang",
        "thành phố Cần Thơ",
        "tỉnh Hậu Giang",
        "tỉnh Sóc Trăng",
        "tỉnh Bạc Liêu",
        "tỉnh Cà Mau"
    };
    private static final String[] MOBILE_PREFIXES = {
        "090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "032", "033", "034", "035", "036", "037",
        "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "056", "058"
    };
    private static final String[] MAIL_DOMAINS = {"gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com"};
    private static final Weighted SURNAMES = new Weighted(HanoiData.SURNAME_WEIGHTS);

    final long citizens;
    final long enterprises;
    final long organisations;
    private final List<Special> dedicated;
    private final long seed;
    private final int anchorYear;
    private final long anchorDay;
    private final Rng rng = new Rng();

    Applicants(long seed, LocalDate anchor, int dossiers, List<Special> dedicated) {
        this.seed = seed;
        this.anchorYear = anchor.getYear();
        this.anchorDay = anchor.toEpochDay();
        this.citizens = Math.max(1, Math.round(dossiers * 0.62));
        this.enterprises = Math.max(1, Math.round(dossiers * 0.06));
        this.organisations = Math.max(1, Math.round(dossiers * 0.012));
        this.dedicated = List.copyOf(dedicated);
    }

    long total() {
        return citizens + enterprises + organisations + dedicated.size();
    }

    long dedicatedId(int ordinal) {
        return citizens + enterprises + organisations + 1 + ordinal;
    }

    /** A regular applicant for a procedure whose applicants have this profile (C, B, M, O). */
    long pick(char profile, Rng r) {
        double x = r.nextDouble();
        int kind = switch (profile) {
            case 'B' -> x < 0.90 ? 2 : x < 0.96 ? 1 : 4;
            case 'M' -> x < 0.85 ? 1 : x < 0.97 ? 2 : 4;
            case 'O' -> x < 0.60 ? 4 : x < 0.80 ? 2 : 1;
            default -> 1;
        };
        return switch (kind) {
            case 1 -> 1 + r.nextLong(0, citizens);
            case 2 -> citizens + 1 + r.nextLong(0, enterprises);
            default -> citizens + enterprises + 1 + r.nextLong(0, organisations);
        };
    }

    boolean isCitizen(long id) {
        return id <= citizens || id > citizens + enterprises + organisations;
    }

    /** Fills {@code p} with applicant {@code id}, all but the ID number. */
    void describe(long id, Person p) {
        rng.reseed(seed, 0xA11CE, id);
        p.id = id;
        p.special = id > citizens + enterprises + organisations
                ? dedicated.get((int) (id - citizens - enterprises - organisations - 1))
                : null;
        if (id <= citizens || p.special != null) {
            citizen(p);
        } else if (id <= citizens + enterprises) {
            enterprise(p);
        } else {
            organisation(p);
        }
    }

    private void citizen(Person p) {
        p.kind = 1;
        p.sex = rng.chance(0.52) ? 2 : 1;
        p.ho = HanoiData.SURNAMES[SURNAMES.pick(rng)];
        p.chuDem = rng.pick(p.sex == 1 ? HanoiData.MALE_MIDDLE : HanoiData.FEMALE_MIDDLE);
        p.ten = HanoiData.givenName(rng, p.sex == 2, p.chuDem);
        p.name = p.ho + " " + p.chuDem + " " + p.ten;
        int age;
        if (p.special == null) {
            age = 18 + (int) (62 * StrictMath.pow(rng.nextDouble(), 1.6));
        } else {
            age = 20 + rng.nextInt(50);
        }
        long day = LocalDate.of(anchorYear - age, 1, 1).toEpochDay() + rng.nextInt(365);
        p.birthDay = Math.min(day, anchorDay - 18 * 365L);
        int year = LocalDate.ofEpochDay(p.birthDay).getYear();
        p.yearOnly = p.special == null && year < 1960 && rng.chance(0.3);
        if (p.yearOnly) {
            p.birthDay = LocalDate.of(year, 1, 1).toEpochDay();
        }
        p.oldId = p.special == null && year <= 1985 && rng.chance(0.04);
        p.province = rng.chance(0.72) ? 0 : 1 + rng.nextInt(PROVINCES.length - 1);
        p.idCenturySex = (year >= 2000 ? 2 : 0) + (p.sex == 2 ? 1 : 0);
        p.idYear = year % 100;
        if (p.special == Special.ID_SEX) {
            p.idCenturySex ^= 1;
        } else if (p.special == Special.ID_YEAR) {
            int delta = 1 + rng.nextInt(3);
            p.idYear = p.idYear + delta <= 99 ? p.idYear + delta : p.idYear - delta;
        }
        p.phone = rng.pick(MOBILE_PREFIXES) + d7(rng.nextInt(10_000_000));
        p.email = rng.chance(0.45)
                ? ascii(p.ten) + "." + ascii(p.ho) + d2(year % 100) + "@" + rng.pick(MAIL_DOMAINS)
                : null;
        p.address = rng.chance(0.9) || p.province == 0
                ? hanoiAddress()
                : "Thôn " + (1 + rng.nextInt(12)) + ", " + PROVINCE_NAMES[p.province];
    }

    private void enterprise(Person p) {
        p.kind = 2;
        String form = rng.pick(HanoiData.ENTERPRISE_FORMS);
        String brand = rng.pick(HanoiData.ENTERPRISE_BRANDS);
        p.name = form.equals("Doanh nghiệp tư nhân")
                ? form + " " + brand
                : form + " " + rng.pick(HanoiData.ENTERPRISE_TRADES) + " " + brand;
        organisationContacts(p, brand);
    }

    private void organisation(Person p) {
        String kindName = rng.pick(HanoiData.ORGANISATIONS);
        p.kind = kindName.startsWith("Hợp tác xã") || kindName.startsWith("Hội") ? 4 : 3;
        HanoiData.District d = HanoiData.DISTRICT_LIST.get(rng.nextInt(HanoiData.DISTRICT_LIST.size()));
        String place = d.communes().get(rng.nextInt(d.communes().size())).name();
        p.name = kindName + " " + place;
        organisationContacts(p, place);
    }

    private void organisationContacts(Person p, String brand) {
        p.sex = 0;
        p.birthDay = VietnamClock.NONE;
        p.ho = null;
        p.chuDem = null;
        p.ten = null;
        p.phone = "024" + d8(30_000_000 + rng.nextInt(70_000_000));
        p.email = rng.chance(0.7)
                ? "info@" + ascii(brand).replace(" ", "") + (rng.chance(0.5) ? ".vn" : ".com.vn")
                : null;
        p.address = hanoiAddress();
    }

    private String hanoiAddress() {
        HanoiData.District d = HanoiData.DISTRICT_LIST.get(rng.nextInt(HanoiData.DISTRICT_LIST.size()));
        HanoiData.Commune c = d.communes().get(rng.nextInt(d.communes().size()));
        String street = d.kind().equals("huyện")
                ? "Thôn " + (1 + rng.nextInt(15))
                : "Số " + (1 + rng.nextInt(200)) + (rng.chance(0.6) ? ", ngõ " + (1 + rng.nextInt(300)) : "") + " phố "
                        + rng.pick(HanoiData.STREETS);
        return street + ", " + c.kind() + " " + c.name() + ", " + d.kind() + " " + d.name() + ", Hà Nội";
    }

    /** The registry's record of a citizen with an ID number (null when the registry does not know them). */
    String[] registry(Person p, String idNumber) {
        if (p.special == Special.NOT_FOUND) {
            return null;
        }
        String ten = p.ten;
        int sex = p.sex;
        long birth = p.birthDay;
        rng.reseed(seed, 0x5E615, p.id);
        if (p.special == Special.NAME) {
            ten = confused(p.ten, p.sex);
        } else if (p.special == Special.SEX) {
            sex = 3 - p.sex;
        } else if (p.special == Special.BIRTH) {
            LocalDate b = LocalDate.ofEpochDay(p.birthDay);
            int days = b.lengthOfYear();
            int shift = 1 + rng.nextInt(days - 1);
            birth = LocalDate.of(b.getYear(), 1, 1).toEpochDay() + (b.getDayOfYear() - 1 + shift) % days;
        }
        LocalDate b = LocalDate.ofEpochDay(birth);
        String date = p.yearOnly
                ? Integer.toString(b.getYear())
                : b.getYear() + d2(b.getMonthValue()) + d2(b.getDayOfMonth());
        return new String[] {idNumber, p.ho, p.chuDem, ten, Integer.toString(sex), date};
    }

    private String confused(String ten, int sex) {
        for (String[] pair : HanoiData.CONFUSED_GIVEN) {
            if (pair[0].equals(ten)) {
                return pair[1];
            }
            if (pair[1].equals(ten)) {
                return pair[0];
            }
        }
        String[] names = sex == 1 ? HanoiData.MALE_GIVEN : HanoiData.FEMALE_GIVEN;
        String other;
        do {
            other = rng.pick(names);
        } while (other.equals(ten));
        return other;
    }

    /**
     * Allocates ID numbers and tax codes in id order: a 12-digit number is province + century/sex digit + year
     * digits + a serial unique for that prefix; old 9-digit ID cards and tax codes (Hà Nội's {@code 01}) have
     * their own serials. The serials are scrambled by the seed so that numbers do not look sequential.
     */
    static final class Ids {

        private final int[] serials = new int[PROVINCES.length * 4 * 100];
        private int oldIds;
        private int taxCodes;
        private final long salt6;
        private final long salt7;

        Ids(long seed) {
            Rng r = new Rng(seed, 0x1D5);
            salt6 = r.nextInt(1_000_000);
            salt7 = r.nextInt(10_000_000);
        }

        /** The ID number or tax code of this applicant, or null. */
        String next(Person p) {
            if (p.kind != 1) {
                return taxCode();
            }
            if (p.special == Special.NO_ID) {
                return null;
            }
            if (p.oldId) {
                return "01" + d7((oldIds++ * 1_000_003L + salt7) % 10_000_000);
            }
            int slot = (p.province * 4 + p.idCenturySex) * 100 + p.idYear;
            int serial = serials[slot]++;
            if (serial >= 1_000_000) {
                throw new IllegalStateException("more than a million ID numbers for one prefix");
            }
            return PROVINCES[p.province]
                    + p.idCenturySex
                    + d2(p.idYear)
                    + d6((serial * 7_919L + salt6 + slot * 104_729L) % 1_000_000);
        }

        /** A 10-digit tax code: 01, a 7-digit serial, a check digit (weights 31 29 23 19 17 13 7 5 3, mod 11). */
        private String taxCode() {
            while (true) {
                String base = "01" + d7((taxCodes++ * 1_000_003L + salt7) % 10_000_000);
                int[] w = {31, 29, 23, 19, 17, 13, 7, 5, 3};
                int sum = 0;
                for (int i = 0; i < 9; i++) {
                    sum += (base.charAt(i) - '0') * w[i];
                }
                int check = 10 - sum % 11;
                if (check < 10) {
                    return base + check;
                }
            }
        }
    }

    /** Lower-case ASCII without diacritics or spaces, for e-mail addresses. */
    static String ascii(String s) {
        String n = Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static String d2(long v) {
        return City.pad(v, 2);
    }

    private static String d6(long v) {
        return City.pad(v, 6);
    }

    private static String d7(long v) {
        return City.pad(v, 7);
    }

    private static String d8(long v) {
        return City.pad(v, 8);
    }
}
