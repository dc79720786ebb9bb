package vn.dvcsync.mapping;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The portal's time format: Vietnam local time as {@code yyyyMMddHHmmss}, independent of the JVM zone. */
public final class PortalTime {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private PortalTime() {
    }

    /** {@code time} in Vietnam time as {@code yyyyMMddHHmmss}, whatever its offset. */
    public static String format(OffsetDateTime time) {
        LocalDateTime t = time.atZoneSameInstant(VIETNAM).toLocalDateTime();
        StringBuilder s = new StringBuilder(14);
        int year = t.getYear();
        if (year >= 0 && year <= 9999) {
            pad(s, year, 4);
        } else {
            s.append(year); // out of the format's range: validation reports it
        }
        pad(s, t.getMonthValue(), 2);
        pad(s, t.getDayOfMonth(), 2);
        pad(s, t.getHour(), 2);
        pad(s, t.getMinute(), 2);
        pad(s, t.getSecond(), 2);
        return s.toString();
    }

    /** @return the time, or null when {@code text} is not a valid {@code yyyyMMddHHmmss} */
    static LocalDateTime parse(String text) {
        if (text.length() != 14) {
            return null;
        }
        for (int i = 0; i < 14; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return LocalDateTime.of(num(text, 0, 4), num(text, 4, 6), num(text, 6, 8),
                    num(text, 8, 10), num(text, 10, 12), num(text, 12, 14));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    private static void pad(StringBuilder s, int value, int width) {
        for (int i = 1, limit = 10; i < width; i++, limit *= 10) {
            if (value < limit) {
                s.append('0');
            }
        }
        s.append(value);
    }
}
