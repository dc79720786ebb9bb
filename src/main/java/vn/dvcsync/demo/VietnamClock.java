package vn.dvcsync.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import vn.dvcsync.kernel.Vietnam;

/**
 * Time of the demo city. A time is a "local second": seconds since 1970-01-01 00:00 on a wall clock in
 * Asia/Ho_Chi_Minh, so that working hours and days are plain arithmetic; it becomes an instant only when
 * written, with the zone's offset for that local time. Also the city's working calendar: Monday to Friday,
 * 08:00–12:00 and 13:00–17:00, without the main public holidays (New Year, Tết, 30/4, 1/5, 2/9).
 */
final class VietnamClock {

    static final long DAY = 86_400;
    static final long HOUR = 3_600;
    static final long MINUTE = 60;
    /** "No time": a column left null. */
    static final long NONE = Long.MIN_VALUE;

    private static final long OPEN = 8 * HOUR;
    private static final long LUNCH = 12 * HOUR;
    private static final long AFTERNOON = 13 * HOUR;
    private static final long CLOSE = 17 * HOUR;

    private static final Set<MonthDay> FIXED_HOLIDAYS =
            Set.of(MonthDay.of(1, 1), MonthDay.of(4, 30), MonthDay.of(5, 1), MonthDay.of(9, 2));
    /** First day of the lunar new year (Tết Nguyên đán). */
    private static final Map<Integer, LocalDate> TET = Map.ofEntries(
            Map.entry(2015, LocalDate.of(2015, 2, 19)),
            Map.entry(2016, LocalDate.of(2016, 2, 8)),
            Map.entry(2017, LocalDate.of(2017, 1, 28)),
            Map.entry(2018, LocalDate.of(2018, 2, 16)),
            Map.entry(2019, LocalDate.of(2019, 2, 5)),
            Map.entry(2020, LocalDate.of(2020, 1, 25)),
            Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)),
            Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)),
            Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)),
            Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)),
            Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)),
            Map.entry(2031, LocalDate.of(2031, 1, 23)),
            Map.entry(2032, LocalDate.of(2032, 2, 11)),
            Map.entry(2033, LocalDate.of(2033, 1, 31)),
            Map.entry(2034, LocalDate.of(2034, 2, 19)),
            Map.entry(2035, LocalDate.of(2035, 2, 8)));

    /** Offset seconds of a cached day when constant all day, else {@link Integer#MIN_VALUE}. */
    private static final int VARIES = Integer.MIN_VALUE;

    private final long firstDay;
    private final boolean[] working;
    private final int[] offset;

    /** A calendar cached for the years around {@code anchor} (other days are computed when asked). */
    VietnamClock(LocalDate anchor) {
        firstDay = anchor.toEpochDay() - 2_200;
        int size = 2_700;
        working = new boolean[size];
        offset = new int[size];
        for (int i = 0; i < size; i++) {
            LocalDate d = LocalDate.ofEpochDay(firstDay + i);
            working[i] = computeWorking(d);
            int start = Vietnam.ZONE.getRules().getOffset(d.atStartOfDay()).getTotalSeconds();
            int end = Vietnam.ZONE.getRules().getOffset(d.atTime(LocalTime.MAX)).getTotalSeconds();
            offset[i] = start == end ? start : VARIES;
        }
    }

    static long local(LocalDate date, long secondOfDay) {
        return date.toEpochDay() * DAY + secondOfDay;
    }

    static long day(long t) {
        return Math.floorDiv(t, DAY);
    }

    static long secondOfDay(long t) {
        return Math.floorMod(t, DAY);
    }

    static LocalDate date(long t) {
        return LocalDate.ofEpochDay(day(t));
    }

    boolean isWorkingDay(long epochDay) {
        long i = epochDay - firstDay;
        return i >= 0 && i < working.length ? working[(int) i] : computeWorking(LocalDate.ofEpochDay(epochDay));
    }

    static boolean isSaturday(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).getDayOfWeek() == DayOfWeek.SATURDAY;
    }

    static boolean isHoliday(LocalDate d) {
        if (FIXED_HOLIDAYS.contains(MonthDay.from(d))) {
            return true;
        }
        for (int year = d.getYear(); year <= d.getYear() + 1; year++) {
            LocalDate tet = TET.get(year);
            if (tet != null && !d.isBefore(tet.minusDays(1)) && !d.isAfter(tet.plusDays(3))) {
                return true;
            }
        }
        return false;
    }

    /** Days after Tết when offices are slow (for the volume of dossiers). */
    static boolean isAfterTet(LocalDate d) {
        LocalDate tet = TET.get(d.getYear());
        return tet != null && d.isAfter(tet.plusDays(3)) && !d.isAfter(tet.plusDays(10));
    }

    private static boolean computeWorking(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    private long nextWorkingDay(long epochDay) {
        long d = epochDay + 1;
        while (!isWorkingDay(d)) {
            d++;
        }
        return d;
    }

    /** The first working moment at or after {@code t}; when {@code t} was outside office hours, plus a jitter. */
    long snapWork(long t, Rng rng) {
        long day = day(t);
        long sod = secondOfDay(t);
        long snapped;
        if (!isWorkingDay(day) || sod >= CLOSE) {
            snapped = nextWorkingDay(day) * DAY + OPEN;
        } else if (sod < OPEN) {
            snapped = day * DAY + OPEN;
        } else if (sod >= LUNCH && sod < AFTERNOON) {
            snapped = day * DAY + AFTERNOON;
        } else {
            return t;
        }
        return snapped + rng.nextInt(45 * 60);
    }

    /** {@code n} working days after {@code t}, at the same time of day kept inside office hours. */
    long addWorkingDays(long t, int n) {
        long day = day(t);
        long sod = secondOfDay(t);
        for (int k = 0; k < n; ) {
            day++;
            if (isWorkingDay(day)) {
                k++;
            }
        }
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
        }
        if (sod < OPEN) {
            sod = OPEN + 30 * MINUTE;
        } else if (sod >= CLOSE) {
            sod = CLOSE - 30 * MINUTE;
        } else if (sod >= LUNCH && sod < AFTERNOON) {
            sod = AFTERNOON + 30 * MINUTE;
        }
        return day * DAY + sod;
    }

    /** The instant of a local second, in epoch seconds, by the zone's rules for that local time. */
    long epochSecond(long t) {
        long i = day(t) - firstDay;
        int o = i >= 0 && i < offset.length ? offset[(int) i] : VARIES;
        if (o == VARIES) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
            o = Vietnam.ZONE.getRules().getOffset(local).getTotalSeconds();
        }
        return t - o;
    }

    /** The portal's form of a time: {@code yyyyMMddHHmmss}, Vietnam time. */
    static String portal(long t) {
        StringBuilder sb = new StringBuilder(14);
        LocalDate d = date(t);
        sb.append(d.getYear());
        two(sb, d.getMonthValue());
        two(sb, d.getDayOfMonth());
        long sod = secondOfDay(t);
        two(sb, (int) (sod / HOUR));
        two(sb, (int) (sod / MINUTE % 60));
        two(sb, (int) (sod % 60));
        return sb.toString();
    }

    /** {@code yyMMdd} of a day, as dossier codes carry it. */
    static String yyMMdd(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        StringBuilder sb = new StringBuilder(6);
        two(sb, d.getYear() % 100);
        two(sb, d.getMonthValue());
        two(sb, d.getDayOfMonth());
        return sb.toString();
    }

    /** {@code dd/MM/yyyy}, as officials write a date. */
    static String dayMonthYear(long t) {
        LocalDate d = date(t);
        StringBuilder sb = new StringBuilder(10);
        two(sb, d.getDayOfMonth());
        sb.append('/');
        two(sb, d.getMonthValue());
        sb.append('/').append(d.getYear());
        return sb.toString();
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
