package vn.dvcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How the pages write dates, counts and points, whatever the JVM's zone and language. */
class ConsoleFormatTest {

    final ConsoleFormat format = new ConsoleFormat();

    @Test
    void datesAreVietnamTime() {
        // 18:30 UTC is 01:30 the next day in Vietnam
        assertThat(format.date(OffsetDateTime.of(2026, 12, 3, 18, 30, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("04/12/2026 01:30");
        assertThat(format.date(null)).isEmpty();
    }

    @Test
    void numbersAreWrittenTheVietnameseWay() {
        assertThat(format.count(1_234_567)).isEqualTo("1.234.567");
        assertThat(format.points(0.43243636363799903)).isEqualTo("0,432");
        assertThat(format.points(12.5)).isEqualTo("12,5");
        assertThat(format.points(18.0)).isEqualTo("18");
        assertThat(format.points(null)).isEqualTo("–");
        assertThat(format.difference(18.0, 16.605)).isEqualTo("−1,395");
        assertThat(format.difference(1.0, 1.0002)).isEqualTo("0");
        assertThat(format.raw(0.43243636363799903)).as("for a chart to read").isEqualTo("0.432");
    }

    @Test
    void aProcedureIsLateByTheDaysFromItsDeadlineToThePortalsDate() {
        assertThat(ProceduresController.daysLate("20261101", "20261111")).isEqualTo(10L);
        assertThat(ProceduresController.daysLate("20261101", null)).isNull();
        assertThat(ProceduresController.daysLate("20261101", "20261101")).isNull();
    }
}
