package vn.dvcsync.mapping;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import vn.dvcsync.kernel.Vietnam;

/** The portal's time format: Vietnam local time as {@code yyyyMMddHHmmss}, independent of the JVM zone. */
public final class PortalTime {

    private PortalTime() {}

    /** {@code time} in Vietnam time as {@code yyyyMMddHHmmss}, whatever its offset. */
    public static String format(OffsetDateTime time) {
        LocalDateTime t = time.atZoneSameInstant(Vietnam.ZONE).toLocalDateTime();
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            // out of the format's range: validation reports it
            return year
                    + String.format(
                            "%02d%02d%02d%02d%02d",
                            t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        }
        byte[] digits = new byte[14];
        put(digits, 0, year, 4);
        put(digits, 4, t.getMonthValue(), 2);
        put(digits, 6, t.getDayOfMonth(), 2);
        put(digits, 8, t.getHour(), 2);
        put(digits, 10, t.getMinute(), 2);
        put(digits, 12, t.getSecond(), 2);
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code text} is a valid {@code yyyyMMddHHmmss}: 14 digits naming a real date and time. Valid times
     * compare as text in time order.
     */
    static boolean valid(String text) {
        if (text.length() != 14) {
            return false;
        }
        for (int i = 0; i < 14; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int year = num(text, 0, 4);
        int month = num(text, 4, 6);
        int day = num(text, 6, 8);
        return month >= 1
                && month <= 12
                && day >= 1
                && day <= Month.of(month).length(Year.isLeap(year))
                && num(text, 8, 10) <= 23
                && num(text, 10, 12) <= 59
                && num(text, 12, 14) <= 59;
    }

    /** Digits only, as {@link #valid} has checked. */
    private static int num(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static void put(byte[] digits, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            digits[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
