package vn.dvcsync.demo;

import static vn.dvcsync.demo.VietnamClock.DAY;
import static vn.dvcsync.demo.VietnamClock.HOUR;
import static vn.dvcsync.demo.VietnamClock.MINUTE;
import static vn.dvcsync.demo.VietnamClock.NONE;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dossiers, one after the other, the same on every pass: dossier {@code i} is a function of the seed,
 * the anchor and {@code i} (and, for a dossier handled in one batch with the one before it, of that one).
 * Dossiers are numbered in the order of their creation day; each has a life of 1–6 steps cut at the anchor.
 */
final class Dossiers {

    static final int MOI_DANG_KY = 0;
    static final int MOI_TIEP_NHAN = 1;
    static final int TU_CHOI = 2;
    static final int DANG_XU_LY = 3;
    static final int CHO_BO_SUNG = 4;
    static final int CHO_NVTC = 5;
    static final int RUT_HO_SO = 6;
    static final int DUNG_XU_LY = 7;
    static final int DA_CO_KET_QUA = 8;
    static final int DA_TRA_KET_QUA = 9;
    static final int LIEN_THONG = 10;
    /** The city's status vocabulary, by the numbers above. */
    static final String[] STATUS = {
        "MOI_DANG_KY",
        "MOI_TIEP_NHAN",
        "TU_CHOI",
        "DANG_XU_LY",
        "CHO_BO_SUNG",
        "CHO_NVTC",
        "RUT_HO_SO",
        "DUNG_XU_LY",
        "DA_CO_KET_QUA",
        "DA_TRA_KET_QUA",
        "LIEN_THONG"
    };
    /** The portal's status code of each city status (the default code table, mappings/code-tables/status.csv). */
    static final String[] PORTAL_STATUS = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "0"};
    /** Statuses a city system may hold that are not in the vocabulary (planted DOSSIER_INVALID). */
    private static final String[] UNKNOWN_STATUSES = {"CHO_PHE_DUYET", "DANG_THAM_DINH", "TAM_DUNG"};

    /** Days of dossiers before the anchor (the anchor day itself has none). */
    static final int DAYS = 364;
    /** Share of dossiers handled in one batch with the dossier before them: same times, so ties on cap_nhat_luc. */
    private static final double BATCH = 0.035;

    private enum Need {
        NONE,
        RESULT,
        RETURNED
    }

    /** One dossier and its steps, filled in place. Times are local seconds ({@link VietnamClock}). */
    static final class Draft {
        int index;
        long id;
        long day;
        City.Procedure procedure;
        int unit;
        long applicant;
        int channel;
        String code;
        String status;
        long submitted;
        long received;
        long due;
        long finished;
        long returned;
        long updated;
        boolean paidOnline;
        boolean digitised;
        boolean vneid;
        boolean controlCharacter;
        int steps;
        final int[] stepStatus = new int[8];
        final long[] stepAt = new long[8];
        // the planted defect, if any
        int slot;
        DefectPlan.Kind kind;
        int variant;
        String category;
        String recordType;
        String field;
        String plantKind;
        String plantField;
        String plantValue;

        int lastStatus() {
            return stepStatus[steps - 1];
        }

        private void copyLifeFrom(Draft o) {
            procedure = o.procedure;
            unit = o.unit;
            channel = o.channel;
            status = o.status;
            submitted = o.submitted;
            received = o.received;
            due = o.due;
            finished = o.finished;
            returned = o.returned;
            updated = o.updated;
            steps = o.steps;
            System.arraycopy(o.stepStatus, 0, stepStatus, 0, o.steps);
            System.arraycopy(o.stepAt, 0, stepAt, 0, o.steps);
        }
    }

    /** An orphan: a dossier code only the portal will hold, and the city dossier whose data it copies. */
    record Orphan(String code, String source) {}

    private record Pending(int unit, String source) {}

    final Draft d = new Draft();
    private final Draft previous = new Draft();
    private final long seed;
    private final int count;
    private final City city;
    private final Applicants applicants;
    private final DefectPlan plan;
    private final DefectPlan.Cursor cursor;
    private final VietnamClock clock;
    private final long now;
    private final long firstDay;
    private final int[] dayEnds = new int[DAYS];
    private final String[] dayCodes = new String[DAYS];
    private final int[] unitSeq;
    private final int[] orphanSeq;
    private final List<Pending> pendingOrphans = new ArrayList<>();
    private final List<Orphan> orphans = new ArrayList<>();
    private final Rng rng = new Rng();
    private int dayIndex;
    private int dayStart;
    private int next;

    Dossiers(DemoSpec spec, City city, Applicants applicants, DefectPlan plan, VietnamClock clock) {
        this.seed = spec.seed();
        this.count = spec.dossiers();
        this.city = city;
        this.applicants = applicants;
        this.plan = plan;
        this.cursor = plan.new Cursor();
        this.clock = clock;
        this.now = VietnamClock.local(spec.anchor(), 0);
        this.firstDay = spec.anchor().toEpochDay() - DAYS;
        this.unitSeq = new int[city.units.size()];
        this.orphanSeq = new int[city.units.size()];
        spreadOverDays();
    }

    /** Dossiers per day: weekdays full, Saturdays and holidays few, slower after Tết and in summer. */
    private void spreadOverDays() {
        Rng r = new Rng(seed, 0xDA75);
        double[] weight = new double[DAYS];
        double sum = 0;
        for (int i = 0; i < DAYS; i++) {
            long day = firstDay + i;
            LocalDate date = LocalDate.ofEpochDay(day);
            double w;
            if (clock.isWorkingDay(day)) {
                w = switch (date.getDayOfWeek()) {
                    case MONDAY -> 1.15;
                    case FRIDAY -> 0.92;
                    default -> 1.0;
                };
            } else {
                w = VietnamClock.isSaturday(day) && !VietnamClock.isHoliday(date) ? 0.22 : 0.06;
            }
            if (VietnamClock.isAfterTet(date)) {
                w *= 0.6;
            }
            if (date.getMonth() == Month.JULY || date.getMonth() == Month.AUGUST) {
                w *= 0.93;
            } else if (date.getMonth() == Month.DECEMBER) {
                w *= 1.1;
            }
            weight[i] = w * (0.92 + 0.16 * r.nextDouble());
            sum += weight[i];
            dayCodes[i] = VietnamClock.yyMMdd(day);
        }
        int[] perDay = new int[DAYS];
        double[] remainder = new double[DAYS];
        int given = 0;
        for (int i = 0; i < DAYS; i++) {
            double exact = count * weight[i] / sum;
            perDay[i] = (int) exact;
            remainder[i] = exact - perDay[i];
            given += perDay[i];
        }
        Integer[] byRemainder = new Integer[DAYS];
        for (int i = 0; i < DAYS; i++) {
            byRemainder[i] = i;
        }
        Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; given < count; k++, given++) {
            perDay[byRemainder[k % DAYS]]++;
        }
        int end = 0;
        for (int i = 0; i < DAYS; i++) {
            end += perDay[i];
            dayEnds[i] = end;
        }
    }

    /** Fills {@link #d} with the next dossier; false after the last one. */
    boolean next() {
        if (next >= count) {
            closeDay();
            return false;
        }
        int i = next++;
        while (i >= dayEnds[dayIndex]) {
            closeDay();
            dayIndex++;
            dayStart = dayEnds[dayIndex - 1];
        }
        rng.reseed(seed, 0xD055, i);
        d.index = i;
        d.id = i + 1L;
        d.day = firstDay + dayIndex;
        d.slot = cursor.slotOf(i);
        d.kind = d.slot < 0 ? null : plan.kind(d.slot);
        d.variant = d.slot < 0 ? 0 : plan.variant(d.slot);
        d.controlCharacter = false;
        d.category = null;
        d.plantKind = null;
        if (d.kind == null && i > dayStart && rng.chance(BATCH)) {
            d.copyLifeFrom(previous);
        } else {
            fresh();
            previous.copyLifeFrom(d);
        }
        int dedicated = d.slot < 0 || d.kind == DefectPlan.Kind.CITE_UNKNOWN ? -1 : plan.ordinal(d.slot);
        d.applicant = dedicated >= 0 ? applicants.dedicatedId(dedicated) : applicants.pick(d.procedure.profile(), rng);
        City.Unit unit = city.units.get(d.unit);
        d.code = HanoiData.PROVINCE + "." + unit.codePart() + "-" + dayCodes[dayIndex] + "-"
                + City.pad(++unitSeq[d.unit], 4);
        d.paidOnline = d.procedure.fee() && d.channel == 2 && rng.chance(0.55);
        d.digitised = rng.chance(0.62);
        d.vneid = d.channel == 2 && applicants.isCitizen(d.applicant) && rng.chance(0.7);
        if (d.kind != null) {
            plant();
        }
        if (d.category == null && !d.procedure.inForce()) {
            // cites a procedure the catalogue lacks (planted or by chance): never sent, reported keyed by itself
            planted("PROCEDURE_UNKNOWN", "DOSSIER", "MaTTHC");
        }
        return true;
    }

    /** Orphans whose code is known (their day is over); each is handed out once. */
    List<Orphan> takeOrphans() {
        List<Orphan> out = List.copyOf(orphans);
        orphans.clear();
        return out;
    }

    /** A new dossier's procedure, unit, channel and life; a slot that cannot fit its variant takes another. */
    private void fresh() {
        boolean closed = !clock.isWorkingDay(d.day) && !openSaturday(d.day);
        for (int attempt = 0; attempt < 50; attempt++) {
            d.procedure = pickProcedure();
            if (!closed || !d.procedure.mucDo().equals("TRUC_TIEP")) {
                break; // on a closed day only online services take dossiers
            }
        }
        d.unit = city.unitFor(d.procedure, rng);
        long created = created();
        Need need = need();
        if (!life(created, need)) {
            if (d.kind == DefectPlan.Kind.INVALID) {
                d.variant = DefectPlan.INVALID_DUE;
            } else if (d.kind == DefectPlan.Kind.FIELD) {
                d.variant = DefectPlan.FIELD_DUE;
            } else {
                d.kind = DefectPlan.Kind.STATUS;
            }
            life(created, Need.NONE);
        }
    }

    private City.Procedure pickProcedure() {
        if (d.kind == null) {
            return city.pickAny(rng);
        } else if (d.kind == DefectPlan.Kind.CITE_UNKNOWN) {
            return city.unknown.get(plan.ordinal(d.slot));
        } else if (d.kind == DefectPlan.Kind.STALE) {
            return city.pickCleanSlow(rng);
        }
        return city.pickClean(rng);
    }

    private static boolean openSaturday(long day) {
        return VietnamClock.isSaturday(day) && !VietnamClock.isHoliday(LocalDate.ofEpochDay(day));
    }

    private Need need() {
        if (d.kind == DefectPlan.Kind.INVALID && d.variant == DefectPlan.INVALID_NO_FINISH) {
            return Need.RESULT;
        }
        if (d.kind == DefectPlan.Kind.STALE
                || d.kind == DefectPlan.Kind.FIELD && d.variant >= DefectPlan.FIELD_FINISHED) {
            return Need.RETURNED;
        }
        return Need.NONE;
    }

    /**
     * The creation time on the dossier's day and its channel: the portal never closes; counters (and the mail
     * desk, which registers letters as they arrive) keep office hours, and some open on Saturday morning.
     */
    private long created() {
        long day = d.day;
        String mucDo = d.procedure.mucDo();
        boolean online = !mucDo.equals("TRUC_TIEP");
        double pOnline = mucDo.equals("TOAN_TRINH") ? 0.8 : mucDo.equals("MOT_PHAN") ? 0.45 : 0;
        if (clock.isWorkingDay(day)) {
            d.channel = rng.chance(pOnline) ? 2 : rng.chance(0.03) ? 3 : 1;
        } else if (openSaturday(day)) {
            d.channel = online && rng.chance(0.6) ? 2 : 1;
        } else {
            d.channel = 2;
        }
        long sod;
        if (d.channel != 2) {
            boolean saturday = !clock.isWorkingDay(day);
            boolean morning = saturday || rng.chance(0.55);
            sod = morning
                    ? 8 * HOUR + rng.nextLong(0, 3 * HOUR + 30 * MINUTE)
                    : 13 * HOUR + 30 * MINUTE + rng.nextLong(0, 3 * HOUR + 15 * MINUTE);
        } else {
            sod = onlineSecondOfDay();
        }
        return day * DAY + sod;
    }

    private long onlineSecondOfDay() {
        double x = rng.nextDouble();
        long hourStart;
        long span;
        if (x < 0.04) {
            hourStart = 0;
            span = 6;
        } else if (x < 0.12) {
            hourStart = 6;
            span = 2;
        } else if (x < 0.75) {
            hourStart = 8;
            span = 9;
        } else if (x < 0.96) {
            hourStart = 17;
            span = 5;
        } else {
            hourStart = 22;
            span = 2;
        }
        return hourStart * HOUR + rng.nextLong(0, span * HOUR);
    }

    /**
     * The dossier's life from its creation: received (online: within hours, at a working moment), processed
     * with perhaps a detour (supplement, financial obligation, another agency) or an early end (refused,
     * withdrawn, stopped), result, return. Cut at the anchor; with a need, squeezed before the anchor instead.
     *
     * @return false when the need cannot be met (the dossier is too recent)
     */
    private boolean life(long created, Need need) {
        City.Procedure p = d.procedure;
        boolean online = d.channel == 2;
        boolean free = need == Need.NONE;
        d.steps = 0;
        long received = !online
                ? created
                : Math.max(created + MINUTE, clock.snapWork(created + rng.nextLong(20 * MINUTE, 16 * HOUR), rng));
        long due = p.days() == 0
                ? clock.snapWork(received + rng.nextLong(HOUR, 4 * HOUR), rng)
                : clock.addWorkingDays(received, p.days());
        d.submitted = online ? created : NONE;
        if (online) {
            step(MOI_DANG_KY, created);
        }
        double fate = free ? rng.nextDouble() : 1;
        if (online && fate < 0.012) {
            step(TU_CHOI, received);
        } else {
            step(MOI_TIEP_NHAN, received);
            long t = received;
            boolean ended = false;
            if (p.days() > 0) {
                t = clock.snapWork(t + rng.nextLong(5 * MINUTE, 6 * HOUR), rng);
                step(DANG_XU_LY, t);
                long later = clock.snapWork(t + rng.nextLong(HOUR, Math.max(2 * HOUR, due - t)), rng);
                if (fate >= 0.012 && fate < 0.022) {
                    step(RUT_HO_SO, later);
                    ended = true;
                } else if (fate >= 0.022 && fate < 0.028) {
                    step(TU_CHOI, later);
                    ended = true;
                } else if (fate >= 0.028 && fate < 0.031) {
                    step(DUNG_XU_LY, later);
                    ended = true;
                } else if (free) {
                    double r = rng.nextDouble();
                    double nvtc = p.fee() ? 0.12 : 0;
                    int detour = r < 0.06
                            ? CHO_BO_SUNG
                            : r < 0.06 + nvtc ? CHO_NVTC : p.days() >= 5 && r < 0.09 + nvtc ? LIEN_THONG : -1;
                    if (detour >= 0) {
                        long at = clock.snapWork(t + MINUTE + (long) ((due - t) * (0.1 + 0.4 * rng.nextDouble())), rng);
                        step(detour, at);
                        double q = rng.nextDouble();
                        if (detour == CHO_BO_SUNG && q < 0.15) {
                            ended = true; // the applicant never came back
                        } else if (detour == CHO_BO_SUNG && q < 0.25) {
                            step(RUT_HO_SO, clock.snapWork(at + rng.nextLong(3 * DAY, 30 * DAY), rng));
                            ended = true;
                        } else {
                            long wait = switch (detour) {
                                case CHO_BO_SUNG -> rng.nextLong(DAY, 12 * DAY);
                                case CHO_NVTC -> rng.nextLong(DAY, 7 * DAY);
                                default -> rng.nextLong(2 * DAY, 10 * DAY);
                            };
                            long resumed = clock.snapWork(at + wait, rng);
                            if (detour != LIEN_THONG) {
                                due = clock.snapWork(due + (resumed - at), rng); // the applicant's time does not count
                            }
                            if (!online) {
                                step(DANG_XU_LY, resumed); // online lives would need 7 steps
                            }
                            t = resumed;
                        }
                    }
                }
            }
            if (!ended) {
                long finished;
                if (!free || rng.chance(0.99)) { // Hà Nội finishes over 99 % on time
                    long span = due - t;
                    finished = p.days() == 0 || span <= 2 * HOUR
                            ? t + rng.nextLong(10 * MINUTE, Math.max(11 * MINUTE, Math.min(2 * HOUR, span)))
                            : clock.snapWork(t + (long) (span * (0.3 + 0.68 * rng.nextDouble())), rng);
                    if (finished > due) {
                        finished = Math.max(t + 10 * MINUTE, due - rng.nextLong(MINUTE, HOUR));
                    }
                } else {
                    finished = clock.snapWork(clock.addWorkingDays(due, rng.between(1, 8)), rng); // late
                }
                finished = Math.max(finished, t + 10 * MINUTE);
                step(DA_CO_KET_QUA, finished);
                if (need == Need.RETURNED || need == Need.NONE && rng.chance(0.955)) {
                    long back = online && rng.chance(0.5)
                            ? finished + rng.nextLong(MINUTE, HOUR)
                            : clock.snapWork(finished + rng.nextLong(30 * MINUTE, 5 * DAY), rng);
                    step(DA_TRA_KET_QUA, back);
                }
            }
        }
        if (free) {
            while (d.stepAt[d.steps - 1] >= now) {
                d.steps--;
            }
        } else if (!squeeze(received)) {
            return false;
        }
        if (d.kind == DefectPlan.Kind.STALE && !roomForStale()) {
            return false;
        }
        d.status = STATUS[d.lastStatus()];
        d.received = d.lastStatus() == MOI_DANG_KY ? created : d.stepAt[online ? 1 : 0];
        d.due = due;
        d.finished = NONE;
        d.returned = NONE;
        for (int k = 0; k < d.steps; k++) {
            if (d.stepStatus[k] == DA_CO_KET_QUA) {
                d.finished = d.stepAt[k];
            } else if (d.stepStatus[k] == DA_TRA_KET_QUA) {
                d.returned = d.stepAt[k];
            }
        }
        d.updated = d.stepAt[d.steps - 1];
        return true;
    }

    private void step(int status, long at) {
        d.stepStatus[d.steps] = status;
        d.stepAt[d.steps] = at;
        d.steps++;
    }

    /** Moves the steps after receipt before the anchor, keeping their order; false when received too late. */
    private boolean squeeze(long received) {
        long last = d.stepAt[d.steps - 1];
        if (last < now) {
            return true;
        }
        if (received >= now - 2 * HOUR) {
            return false;
        }
        double factor = (double) (now - MINUTE - received) / (last - received);
        for (int k = 0; k < d.steps; k++) {
            if (d.stepAt[k] > received) {
                d.stepAt[k] = received + Math.max(1, (long) ((d.stepAt[k] - received) * factor));
            }
        }
        return true;
    }

    /** A stale copy needs the last change more than a day after the first step: return the result later if needed. */
    private boolean roomForStale() {
        int last = d.steps - 1;
        if (d.stepAt[last] - d.stepAt[0] > 26 * HOUR) {
            return true;
        }
        long later = clock.snapWork(d.stepAt[0] + rng.nextLong(2 * DAY, 5 * DAY), rng);
        if (later >= now) {
            return false;
        }
        d.stepAt[last] = later;
        return true;
    }

    /** Applies the slot's defect and writes down what was planted. */
    private void plant() {
        switch (d.kind) {
            case INVALID -> invalid();
            case APPLICANT_NOT_FOUND -> planted("APPLICANT_NOT_FOUND", "APPLICANT", "SoDinhDanh");
            case APPLICANT_MISMATCH ->
                planted(
                        "APPLICANT_DATA_MISMATCH",
                        "APPLICANT",
                        switch (d.variant) {
                            case 0 -> "HoTen";
                            case 1, 3 -> "NgaySinh";
                            default -> "GioiTinh";
                        });
            case STATUS -> {
                String cityCode = PORTAL_STATUS[d.lastStatus()];
                String portalCode = d.steps >= 2 ? PORTAL_STATUS[d.stepStatus[d.steps - 2]] : "4";
                if (portalCode.equals(cityCode)) {
                    portalCode = cityCode.equals("4") ? "2" : "4";
                }
                planted("DOSSIER_STATUS_MISMATCH", "DOSSIER", "TrangThaiHoSo");
                portal("STATUS", "TrangThaiHoSo", portalCode);
            }
            case STALE -> {
                long room = d.updated - d.stepAt[0] - 26 * HOUR;
                long copy = d.updated - 25 * HOUR - rng.nextLong(0, Math.max(1, Math.min(room, 20 * DAY)));
                planted("DOSSIER_STALE", "DOSSIER", "NgayCapNhat");
                portal("STALE", "NgayCapNhat", VietnamClock.portal(copy));
            }
            case FIELD -> field();
            case MISSING -> {
                planted("DOSSIER_MISSING_ON_PORTAL", "DOSSIER", "");
                portal("MISSING", "", "");
            }
            case ORPHAN -> {
                pendingOrphans.add(new Pending(d.unit, d.code));
            }
            case CITE_UNKNOWN -> {
                // the procedure is a defect of its own; this dossier's row is planted with the others citing it
            }
        }
    }

    private void invalid() {
        String field;
        switch (d.variant) {
            case DefectPlan.INVALID_DUE -> {
                d.due = d.received - rng.nextLong(HOUR, 3 * DAY);
                field = "NgayHenTra";
            }
            case DefectPlan.INVALID_NO_FINISH -> {
                d.finished = NONE;
                field = "NgayKetThucXuLy";
            }
            case DefectPlan.INVALID_NO_ID -> field = "DinhDanhCHS";
            case DefectPlan.INVALID_PREFIX -> {
                d.code = d.code.substring(HanoiData.PROVINCE.length() + 1);
                field = "MaHoSo";
            }
            case DefectPlan.INVALID_CONTROL -> {
                d.controlCharacter = true;
                field = "TrichYeuHoSo";
            }
            default -> {
                d.status = rng.pick(UNKNOWN_STATUSES);
                field = "TrangThaiHoSo";
            }
        }
        planted("DOSSIER_INVALID", "DOSSIER", field);
    }

    private void field() {
        String field;
        String value;
        switch (d.variant) {
            case DefectPlan.FIELD_UNIT -> {
                field = "MaDonViXuLy";
                value = city.otherUnit(d.unit, rng).code();
            }
            case DefectPlan.FIELD_FINISHED -> {
                field = "NgayKetThucXuLy";
                value = VietnamClock.portal(
                        d.finished - Math.max(MINUTE, Math.min(DAY, (d.finished - d.received) / 3)));
            }
            case DefectPlan.FIELD_RETURNED -> {
                field = "NgayTra";
                value = VietnamClock.portal(
                        d.returned - Math.max(MINUTE, Math.min(DAY, (d.returned - d.finished) / 2)));
            }
            default -> {
                field = "NgayHenTra";
                value = VietnamClock.portal(clock.addWorkingDays(d.due, rng.between(1, 10)));
            }
        }
        planted("DOSSIER_FIELD_MISMATCH", "DOSSIER", field);
        portal("FIELD", field, value);
    }

    private void planted(String category, String recordType, String field) {
        d.category = category;
        d.recordType = recordType;
        d.field = field;
    }

    private void portal(String kind, String field, String value) {
        d.plantKind = kind;
        d.plantField = field;
        d.plantValue = value;
    }

    /** Gives this day's orphans codes after the day's last dossier, so they follow the unit's sequence. */
    private void closeDay() {
        Arrays.fill(orphanSeq, 0);
        for (Pending o : pendingOrphans) {
            int seq = unitSeq[o.unit()] + ++orphanSeq[o.unit()];
            String code = HanoiData.PROVINCE + "." + city.units.get(o.unit()).codePart() + "-" + dayCodes[dayIndex]
                    + "-" + City.pad(seq, 4);
            orphans.add(new Orphan(code, o.source()));
        }
        pendingOrphans.clear();
        Arrays.fill(unitSeq, 0);
    }
}
