package vn.dvcsync.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    private static final LocalDate BORN_2003 = LocalDate.of(2003, 1, 15);

    @Test
    void masksAllButTheLastFourDigits() {
        assertThat(IdNumbers.mask("001203004567")).isEqualTo("********4567");
        assertThat(IdNumbers.mask("123456789")).isEqualTo("*****6789");
        assertThat(IdNumbers.mask("1234")).isEqualTo("****");
        assertThat(IdNumbers.mask(null)).isNull();
    }

    @Test
    void wellFormedMeansTwelveAsciiDigits() {
        assertThat(IdNumbers.wellFormed12("001203004567")).isTrue();
        assertThat(IdNumbers.wellFormed12("00120300456")).isFalse();
        assertThat(IdNumbers.wellFormed12("0012030045678")).isFalse();
        assertThat(IdNumbers.wellFormed12("00120300456A")).isFalse();
        assertThat(IdNumbers.wellFormed12("００１２０３００４５６７")).isFalse();
        assertThat(IdNumbers.wellFormed12(null)).isFalse();
    }

    @Test
    void knowsTheSixtyThreeProvinces() {
        assertThat(IdNumbers.PROVINCES)
                .hasSize(63)
                .containsEntry("001", "Hà Nội")
                .containsEntry("079", "Hồ Chí Minh")
                .containsEntry("096", "Cà Mau");
        assertThat(IdNumbers.PROVINCES).doesNotContainKeys("000", "003", "097");
    }

    @Test
    void aConsistentNumberContradictsNothing() {
        assertThat(IdNumbers.contradictions("001203004567", BORN_2003, 1)).isEmpty();
        assertThat(IdNumbers.contradictions("079185001234", LocalDate.of(1985, 6, 1), 2))
                .isEmpty();
        assertThat(IdNumbers.contradictions("001203004567", null, null)).isEmpty();
        assertThat(IdNumbers.contradictions(null, BORN_2003, 1)).isEmpty();
    }

    @Test
    void numberThatIsNotTwelveDigitsIsContradicted() {
        assertThat(IdNumbers.contradictions("00120300456", BORN_2003, 1)).containsExactly("SoDinhDanh");
        assertThat(IdNumbers.contradictions("1234567890", BORN_2003, 1)).containsExactly("SoDinhDanh");
    }

    @Test
    void oldNineDigitIdCardHasNothingToContradict() {
        assertThat(IdNumbers.contradictions("123456789", BORN_2003, 1)).isEmpty();
    }

    @Test
    void unknownProvinceCodeIsContradicted() {
        assertThat(IdNumbers.contradictions("003203004567", BORN_2003, 1)).containsExactly("SoDinhDanh");
    }

    @Test
    void sexDigitMustFitTheRecordedSex() {
        assertThat(IdNumbers.contradictions("001203004567", BORN_2003, 2)).containsExactly("GioiTinh");
        assertThat(IdNumbers.contradictions("001303004567", BORN_2003, 1)).containsExactly("GioiTinh");
        assertThat(IdNumbers.contradictions("001303004567", BORN_2003, 2)).isEmpty();
    }

    @Test
    void centuryDigitMustFitTheBirthCentury() {
        assertThat(IdNumbers.contradictions("001003004567", BORN_2003, 1)).containsExactly("NgaySinh");
        assertThat(IdNumbers.contradictions("001203004567", LocalDate.of(1903, 1, 15), 1))
                .containsExactly("NgaySinh");
    }

    @Test
    void yearDigitsMustFitTheBirthYear() {
        assertThat(IdNumbers.contradictions("001203004567", LocalDate.of(2004, 1, 15), 1))
                .containsExactly("NgaySinh");
    }

    @Test
    void severalContradictionsAreAllReported() {
        assertThat(IdNumbers.contradictions("099103004567", BORN_2003, 1))
                .containsExactly("SoDinhDanh", "GioiTinh", "NgaySinh");
    }
}
