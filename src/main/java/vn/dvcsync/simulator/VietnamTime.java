package vn.dvcsync.simulator;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import vn.dvcsync.kernel.Vietnam;

/** Vietnam local time as the national systems write it: {@code yyyyMMddHHmmss}, dates {@code yyyyMMdd}. */
final class VietnamTime {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private VietnamTime() {}

    static LocalDateTime now(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), Vietnam.ZONE);
    }

    static String format(LocalDateTime time) {
        return DATE_TIME.format(time);
    }

    static String format(LocalDate date) {
        return DATE.format(date);
    }

    /** @return the time, or {@code null} when {@code text} is not a valid {@code yyyyMMddHHmmss} */
    static LocalDateTime parse(String text) {
        if (text == null || text.length() != 14 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
