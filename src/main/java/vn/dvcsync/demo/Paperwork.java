package vn.dvcsync.demo;

/**
 * The words of the demo city: dossier summaries (trích yếu) and what each processing step records (handler,
 * title, office, content, deadline), as the unit's staff would write them. A function of the seed and the
 * dossier, so any pass writes the same.
 */
final class Paperwork {

    private final long seed;
    private final City city;

    Paperwork(long seed, City city) {
        this.seed = seed;
        this.city = city;
    }

    /** The dossier's summary (trích yếu), as the one-stop official typed it. */
    String summary(Dossiers.Draft d, Applicants.Person applicant) {
        Rng r = new Rng(seed, 0x5A77, d.index);
        StringBuilder sb = new StringBuilder(160).append(d.procedure.name());
        String f = d.procedure.field().code();
        if (f.startsWith("TN-DD") || f.startsWith("XD")) {
            City.Unit unit = city.units.get(d.unit);
            HanoiData.District district = city.district(unit);
            sb.append(" (thửa đất số ")
                    .append(1 + r.nextInt(400))
                    .append(", tờ bản đồ số ")
                    .append(1 + r.nextInt(60));
            if (district != null) {
                sb.append(", ").append(district.kind()).append(' ').append(district.name());
            }
            sb.append(')');
        }
        sb.append(d.controlCharacter ? "\u000B" : " - ").append(applicant.label());
        return sb.toString();
    }

    /** The step's handler, title, office, content and deadline, as the unit's staff recorded them. */
    void describeStep(Dossiers.Draft d, int k, String[] out, long[] deadline, Applicants.Person applicant) {
        Rng r = new Rng(seed, 0x57E9, d.index, k);
        int status = d.stepStatus[k];
        City.Unit unit = city.units.get(d.unit);
        City.Procedure p = d.procedure;
        String oneStop = unit.level() == City.Level.TINH ? "Bộ phận Một cửa" : "Bộ phận Tiếp nhận và Trả kết quả";
        String leaderTitle = unit.level() == City.Level.TINH ? "Phó Giám đốc Sở" : "Phó Chủ tịch UBND";
        String leaderOffice = unit.level() == City.Level.TINH ? "Ban Giám đốc" : "Lãnh đạo UBND";
        deadline[0] = VietnamClock.NONE;
        switch (status) {
            case Dossiers.MOI_DANG_KY ->
                set(out, "Hệ thống Cổng Dịch vụ công", null, null, "Nộp hồ sơ trực tuyến: " + applicant.label());
            case Dossiers.MOI_TIEP_NHAN -> {
                set(
                        out,
                        official(r, d.unit, 0),
                        "Chuyên viên",
                        oneStop,
                        "Tiếp nhận hồ sơ, hẹn trả kết quả ngày " + VietnamClock.dayMonthYear(d.due));
                deadline[0] = d.due;
            }
            case Dossiers.DANG_XU_LY -> {
                int before = k > 0 ? d.stepStatus[k - 1] : -1;
                boolean resumed =
                        before == Dossiers.CHO_BO_SUNG || before == Dossiers.CHO_NVTC || before == Dossiers.LIEN_THONG;
                set(
                        out,
                        official(r, d.unit, 2),
                        "Chuyên viên",
                        p.office(),
                        resumed
                                ? "Tiếp tục giải quyết hồ sơ"
                                : "Chuyển hồ sơ đến " + p.office() + " thẩm định, giải quyết");
                deadline[0] = d.due;
            }
            case Dossiers.CHO_BO_SUNG ->
                set(
                        out,
                        official(r, d.unit, 2),
                        "Chuyên viên",
                        p.office(),
                        "Đề nghị bổ sung hồ sơ: " + r.pick(HanoiData.SUPPLEMENT_REASONS));
            case Dossiers.CHO_NVTC -> {
                set(
                        out,
                        official(r, d.unit, 2),
                        "Chuyên viên",
                        p.office(),
                        "Chuyển thông tin xác định nghĩa vụ tài chính, chờ người nộp thực hiện nghĩa vụ tài chính");
                deadline[0] = d.due;
            }
            case Dossiers.LIEN_THONG -> {
                set(
                        out,
                        official(r, d.unit, 2),
                        "Chuyên viên",
                        p.office(),
                        "Chuyển liên thông hồ sơ đến " + r.pick(HanoiData.PARTNER_AGENCIES));
                deadline[0] = d.due;
            }
            case Dossiers.TU_CHOI -> {
                boolean atReception = k > 0 && d.stepStatus[k - 1] == Dossiers.MOI_DANG_KY;
                set(
                        out,
                        official(r, d.unit, atReception ? 0 : 2),
                        "Chuyên viên",
                        atReception ? oneStop : p.office(),
                        atReception
                                ? "Từ chối tiếp nhận: hồ sơ không thuộc thẩm quyền hoặc không đủ điều kiện theo quy định"
                                : "Từ chối giải quyết: hồ sơ không đủ điều kiện theo quy định");
            }
            case Dossiers.RUT_HO_SO ->
                set(out, official(r, d.unit, 0), "Chuyên viên", oneStop, "Người nộp hồ sơ đề nghị rút hồ sơ");
            case Dossiers.DUNG_XU_LY ->
                set(
                        out,
                        official(r, d.unit, 5),
                        leaderTitle,
                        leaderOffice,
                        "Dừng giải quyết hồ sơ theo đề nghị của cơ quan có thẩm quyền");
            case Dossiers.DA_CO_KET_QUA ->
                set(out, official(r, d.unit, 5), leaderTitle, leaderOffice, "Phê duyệt kết quả giải quyết hồ sơ");
            default ->
                set(
                        out,
                        official(r, d.unit, 0),
                        "Chuyên viên",
                        oneStop,
                        d.channel == 2
                                ? "Trả kết quả qua Cổng Dịch vụ công và dịch vụ bưu chính công ích"
                                : "Trả kết quả trực tiếp cho người nộp hồ sơ");
        }
    }

    private static void set(String[] out, String handler, String title, String office, String content) {
        out[0] = handler;
        out[1] = title;
        out[2] = office;
        out[3] = content;
    }

    /** One of the unit's officials: 0–1 one-stop, 2–4 specialists, 5 the leader. */
    private String official(Rng r, int unit, int role) {
        int k = role == 0 ? r.nextInt(2) : role == 2 ? 2 + r.nextInt(3) : 5;
        Rng o = new Rng(seed, 0x0FF1, unit, k);
        boolean female = o.chance(0.55);
        String ho = HanoiData.SURNAMES[o.nextInt(12)];
        String middle = o.pick(female ? HanoiData.FEMALE_MIDDLE : HanoiData.MALE_MIDDLE);
        String given = HanoiData.givenName(o, female, middle);
        return ho + " " + middle + " " + given;
    }
}
