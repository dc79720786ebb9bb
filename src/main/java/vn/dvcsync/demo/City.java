package vn.dvcsync.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo city's units and procedures, and which procedures carry a planted defect (chosen by the seed).
 * Units and procedure codes do not depend on the seed; decisions, dates and defects do.
 */
final class City {

    enum Level {
        TINH,
        HUYEN,
        XA
    }

    /** How a procedure stands in the portal's catalogue. */
    enum Publication {
        ON_TIME,
        NOT_PUBLIC,
        LATE,
        UNKNOWN
    }

    /**
     * @param codePart the unit's part of a dossier code: {@code 04} for a department, {@code 31} for a district,
     *                 {@code 31.05} for a commune
     */
    record Unit(int id, String code, String name, Level level, String codePart, int district) {}

    record Procedure(
            int id,
            String code,
            String name,
            HanoiData.Field field,
            Level level,
            int days,
            boolean fee,
            double weight,
            char profile,
            String mucDo,
            int departmentUnit,
            String decision,
            LocalDate decisionDate,
            LocalDate deadline,
            Publication publication,
            LocalDate publishedOn) {

        /** In force in the city: a procedure unknown to the national catalogue was abolished there. */
        boolean inForce() {
            return publication != Publication.UNKNOWN;
        }

        String office() {
            return field.offices()[level.ordinal()];
        }
    }

    final List<Unit> units;
    final List<Procedure> procedures;
    /** Procedures absent from the catalogue (planted PROCEDURE_UNKNOWN), in procedure order. */
    final List<Procedure> unknown;

    private final int[] departmentUnit = new int[HanoiData.DEPARTMENTS.size() + 1];
    private final int[] districtUnit;
    private final int[][] communeUnits;
    private final Weighted districtPicker;
    private final Weighted allProcedures;
    private final int[] clean;
    private final Weighted cleanProcedures;
    private final int[] cleanSlow;
    private final Weighted cleanSlowProcedures;

    /**
     * @param unknownCount how many procedures dossiers cite although the catalogue lacks them
     */
    City(long seed, LocalDate anchor, double defectShare, int unknownCount) {
        List<Unit> u = new ArrayList<>();
        for (HanoiData.Department d : HanoiData.DEPARTMENTS) {
            departmentUnit[d.number()] = u.size();
            u.add(new Unit(
                    u.size() + 1,
                    agency(0, d.number()),
                    d.name() + " thành phố Hà Nội",
                    Level.TINH,
                    two(d.number()),
                    -1));
        }
        List<HanoiData.District> districts = HanoiData.DISTRICT_LIST;
        districtUnit = new int[districts.size()];
        communeUnits = new int[districts.size()][];
        double[] population = new double[districts.size()];
        for (int i = 0; i < districts.size(); i++) {
            HanoiData.District d = districts.get(i);
            districtUnit[i] = u.size();
            population[i] = d.population();
            u.add(new Unit(
                    u.size() + 1,
                    agency(0, d.number()),
                    "UBND " + d.kind() + " " + d.name(),
                    Level.HUYEN,
                    two(d.number()),
                    i));
        }
        for (int i = 0; i < districts.size(); i++) {
            HanoiData.District d = districts.get(i);
            communeUnits[i] = new int[d.communes().size()];
            for (int c = 0; c < d.communes().size(); c++) {
                HanoiData.Commune commune = d.communes().get(c);
                communeUnits[i][c] = u.size();
                u.add(new Unit(
                        u.size() + 1,
                        agency(c + 1, d.number()),
                        "UBND " + commune.kind() + " " + commune.name() + ", " + d.kind() + " " + d.name(),
                        Level.XA,
                        two(d.number()) + "." + two(c + 1),
                        i));
            }
        }
        units = List.copyOf(u);
        districtPicker = new Weighted(population);
        procedures = procedures(seed, anchor, defectShare, unknownCount);
        unknown = procedures.stream()
                .filter(p -> p.publication() == Publication.UNKNOWN)
                .toList();

        double[] all = new double[procedures.size()];
        List<Integer> cleanIds = new ArrayList<>();
        List<Integer> slowIds = new ArrayList<>();
        for (Procedure p : procedures) {
            all[p.id() - 1] = p.weight();
            if (p.publication() == Publication.ON_TIME) {
                cleanIds.add(p.id() - 1);
                if (p.days() >= 3) {
                    slowIds.add(p.id() - 1);
                }
            }
        }
        allProcedures = new Weighted(all);
        clean = cleanIds.stream().mapToInt(Integer::intValue).toArray();
        cleanProcedures = new Weighted(weights(clean));
        cleanSlow = slowIds.stream().mapToInt(Integer::intValue).toArray();
        cleanSlowProcedures = new Weighted(weights(cleanSlow));
    }

    /** How many procedures get each catalogue defect for this share of defects. */
    static int catalogueDefects(double defectShare, double factor) {
        int procedures =
                HanoiData.FIELDS.stream().mapToInt(f -> f.procedures().size()).sum();
        return defectShare > 0 ? (int) Math.max(1, Math.round(defectShare * procedures * factor)) : 0;
    }

    Procedure pickAny(Rng rng) {
        return procedures.get(allProcedures.pick(rng));
    }

    /** A procedure public on time: for dossiers that carry a defect of their own. */
    Procedure pickClean(Rng rng) {
        return procedures.get(clean[cleanProcedures.pick(rng)]);
    }

    /** A procedure public on time that takes three working days or more. */
    Procedure pickCleanSlow(Rng rng) {
        return procedures.get(cleanSlow[cleanSlowProcedures.pick(rng)]);
    }

    /** The unit that handles a dossier of this procedure (index into {@link #units}). */
    int unitFor(Procedure p, Rng rng) {
        return switch (p.level()) {
            case TINH -> p.departmentUnit();
            case HUYEN -> districtUnit[districtPicker.pick(rng)];
            case XA -> {
                int[] communes = communeUnits[districtPicker.pick(rng)];
                yield communes[rng.nextInt(communes.length)];
            }
        };
    }

    /** Another unit of the same level (a commune of the same district). */
    Unit otherUnit(int unit, Rng rng) {
        Unit u = units.get(unit);
        int other;
        do {
            other = switch (u.level()) {
                case TINH -> departmentUnit[1 + rng.nextInt(HanoiData.DEPARTMENTS.size())];
                case HUYEN -> districtUnit[rng.nextInt(districtUnit.length)];
                case XA -> communeUnits[u.district()][rng.nextInt(communeUnits[u.district()].length)];
            };
        } while (other == unit);
        return units.get(other);
    }

    HanoiData.District district(Unit u) {
        return u.district() < 0 ? null : HanoiData.DISTRICT_LIST.get(u.district());
    }

    private double[] weights(int[] ids) {
        double[] w = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            w[i] = procedures.get(ids[i]).weight();
        }
        return w;
    }

    private List<Procedure> procedures(long seed, LocalDate anchor, double defectShare, int unknownCount) {
        Rng rng = new Rng(seed, 0x7770C);
        VietnamClock clock = new VietnamClock(anchor);
        record Draft(HanoiData.Field field, HanoiData.Proc proc, String decision, LocalDate decisionDate) {}
        List<Draft> drafts = new ArrayList<>();
        for (HanoiData.Field f : HanoiData.FIELDS) {
            // each field was announced by one decision, some procedures by a later one
            LocalDate main = anchor.minusDays(420 + rng.nextInt(1400));
            String mainNumber = decisionNumber(rng);
            LocalDate later = anchor.minusDays(40 + rng.nextInt(300));
            String laterNumber = decisionNumber(rng);
            for (HanoiData.Proc p : f.procedures()) {
                boolean isLater = rng.chance(0.2);
                drafts.add(new Draft(f, p, isLater ? laterNumber : mainNumber, isLater ? later : main));
            }
        }
        Publication[] publication =
                publications(drafts.stream().map(d -> d.proc().weight()).toList(), seed, defectShare, unknownCount);
        Set<String> codes = new HashSet<>();
        List<Procedure> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            HanoiData.Proc p = d.proc();
            Level level = switch (p.level()) {
                case 'T' -> Level.TINH;
                case 'H' -> Level.HUYEN;
                default -> Level.XA;
            };
            long h = Rng.mix((d.field().code() + '|' + p.level() + '|' + p.name()).hashCode() * 0x9E3779B97F4A7C15L);
            String code = procedureCode(h, codes);
            int m = (int) Math.floorMod(h >>> 20, 100);
            String mucDo = m < 30 ? "TOAN_TRINH" : m < 85 ? "MOT_PHAN" : "TRUC_TIEP";
            LocalDate deadline =
                    VietnamClock.date(clock.addWorkingDays(VietnamClock.local(d.decisionDate(), 9 * 3600), 5));
            LocalDate published = switch (publication[i]) {
                case ON_TIME ->
                    VietnamClock.date(
                            clock.addWorkingDays(VietnamClock.local(d.decisionDate(), 9 * 3600), rng.nextInt(6)));
                case LATE -> {
                    long room = anchor.toEpochDay() - 1 - deadline.toEpochDay();
                    yield deadline.plusDays(Math.min(room, 3 + rng.nextInt(88)));
                }
                default -> null;
            };
            char profile = p.profile() == ' ' ? d.field().profile() : p.profile();
            out.add(new Procedure(
                    i + 1,
                    code,
                    p.name(),
                    d.field(),
                    level,
                    p.days(),
                    p.fee(),
                    p.weight(),
                    profile,
                    mucDo,
                    departmentUnit[d.field().department()],
                    d.decision(),
                    d.decisionDate(),
                    deadline,
                    publication[i],
                    published));
        }
        return List.copyOf(out);
    }

    /**
     * Which procedures carry a catalogue defect: unknown ones among the rarely used (their few dossiers are
     * refused by the portal), not public and public late among the others.
     */
    private static Publication[] publications(List<Double> weights, long seed, double share, int unknownCount) {
        Publication[] out = new Publication[weights.size()];
        java.util.Arrays.fill(out, Publication.ON_TIME);
        int[] order = shuffled(weights.size(), new Rng(seed, 0xCA7A1));
        int unknown = unknownCount;
        int notPublic = catalogueDefects(share, 0.5);
        int late = catalogueDefects(share, 0.5);
        for (int i : order) {
            if (unknown > 0 && weights.get(i) <= 0.3) {
                out[i] = Publication.UNKNOWN;
                unknown--;
            }
        }
        for (int i : order) {
            if (out[i] != Publication.ON_TIME) {
                continue;
            }
            if (notPublic > 0) {
                out[i] = Publication.NOT_PUBLIC;
                notPublic--;
            } else if (late > 0) {
                out[i] = Publication.LATE;
                late--;
            }
        }
        return out;
    }

    static int[] shuffled(int n, Rng rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** A national-format code, e.g. {@code 1.004321.000.00.00.H26}, stable for a procedure. */
    private static String procedureCode(long h, Set<String> taken) {
        for (long k = h; ; k = Rng.mix(k)) {
            long n = Math.floorMod(k, 14_000L);
            String code = n < 11_000 ? "1." + pad(1_000 + n, 6) : "2." + pad(n - 11_000 + 1, 6);
            code = code + ".000.00.00." + HanoiData.PROVINCE;
            if (taken.add(code)) {
                return code;
            }
        }
    }

    private static String decisionNumber(Rng rng) {
        return (1000 + rng.nextInt(6000)) + "/QĐ-UBND";
    }

    private static String agency(int commune, int parent) {
        return "000." + two(commune) + "." + two(parent) + "." + HanoiData.PROVINCE;
    }

    static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
