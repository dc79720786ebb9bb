package vn.dvcsync.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CityValuesTest {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);

    @Test
    void timesKeptAsTextAreReadWithTheirOffsetOrInVietnamTime() {
        assertThat(CityValues.parse("2024-09-15 08:30:00+07", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 9, 15, 8, 30, 0, 0, VN));
        assertThat(CityValues.parse("2024-09-15T01:30:00.250Z", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 9, 15, 1, 30, 0, 250_000_000, ZoneOffset.UTC));
        assertThat(CityValues.parse("2024-09-15 08:30+07:00", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 9, 15, 8, 30, 0, 0, VN));
        assertThat(CityValues.parse(" 2024-09-15 08:30:00 ", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 9, 15, 8, 30, 0, 0, VN));
        assertThat(CityValues.parse("2024-09-15", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 9, 15, 0, 0, 0, 0, VN));
        assertThat(CityValues.parse("", OffsetDateTime.class)).isNull();
    }

    @Test
    void impossibleDatesAndTimesAreRefusedWithoutRepeatingTheValue() {
        for (String bad : new String[] {
            "2024-02-30 08:00:00+07", "2023-02-29", "2024-13-01 08:00", "2024-09-15 25:00", "15/09/2024", "hôm qua"
        }) {
            assertThatThrownBy(() -> CityValues.parse(bad, OffsetDateTime.class))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a valid date and time");
        }
        assertThatThrownBy(() -> CityValues.parse("1990-02-30", LocalDate.class))
                .hasMessage("not a valid date");
        assertThat(CityValues.parse("1990-02-28", LocalDate.class)).isEqualTo(LocalDate.of(1990, 2, 28));
    }

    @Test
    void numbersAndFlagsKeptAsText() {
        assertThat(CityValues.parse(" 2 ", Integer.class)).isEqualTo(2);
        assertThat(CityValues.parse("t", Boolean.class)).isTrue();
        assertThat(CityValues.parse("0", Boolean.class)).isFalse();
        assertThatThrownBy(() -> CityValues.parse("quầy", Integer.class)).hasMessage("not a valid whole number");
        assertThatThrownBy(() -> CityValues.parse("có", Boolean.class)).hasMessage("not a valid yes/no value");
    }
}
