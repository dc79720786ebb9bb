package vn.dvcsync.city;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import vn.dvcsync.kernel.Vietnam;

/**
 * Values a city keeps as text where the canonical record needs a number, a flag, a date or a time (older
 * schemas do): read from their text, strictly (30 February is no date). A time without an offset is Vietnam
 * time. A value that does not parse is an {@link IllegalArgumentException} whose message never repeats it
 * (it may be personal data, a birth date).
 */
final class CityValues {

    /** {@code 2024-09-15 08:30:00}, {@code 2024-09-15T08:30:00.123456+07}, {@code 2024-09-15 08:30+07:00}, … */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private CityValues() {}

    @SuppressWarnings("unchecked")
    static <T> T parse(String raw, Class<T> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            if (type == String.class) {
                return (T) raw;
            }
            if (type == Integer.class) {
                return (T) Integer.valueOf(text);
            }
            if (type == Long.class) {
                return (T) Long.valueOf(text);
            }
            if (type == Boolean.class) {
                return (T) flag(text);
            }
            if (type == LocalDate.class) {
                return (T) LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text, DATE);
            }
            if (type == OffsetDateTime.class) {
                return (T) time(text);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid " + kind(type));
        }
        throw new IllegalArgumentException("no reading of text as " + type.getSimpleName());
    }

    private static OffsetDateTime time(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text, DATE).atStartOfDay(Vietnam.ZONE).toOffsetDateTime();
        }
        var parsed = TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime odt
                ? odt
                : ((LocalDateTime) parsed).atZone(Vietnam.ZONE).toOffsetDateTime();
    }

    private static Boolean flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "t", "true", "1", "y", "yes" -> Boolean.TRUE;
            case "f", "false", "0", "n", "no" -> Boolean.FALSE;
            default -> throw new NumberFormatException();
        };
    }

    private static String kind(Class<?> type) {
        if (type == OffsetDateTime.class) {
            return "date and time";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Boolean.class) {
            return "yes/no value";
        }
        return "whole number";
    }
}
