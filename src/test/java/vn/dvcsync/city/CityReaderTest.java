package vn.dvcsync.city;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the reader wraps a city's {@code dossiers.sql} in its own {@code select * from (…) d where …}. */
class CityReaderTest {

    @Test
    void aFinalSemicolonIsDropped() {
        assertThat("select * from (" + CityReader.dossierQuery("select h.id as id from city.ho_so h;\n\n") + ") d")
                .isEqualTo("select * from (\nselect h.id as id from city.ho_so h\n) d");
    }

    @Test
    void aCommentOnTheLastLineEndsBeforeTheWrappersText() {
        assertThat("select * from (" + CityReader.dossierQuery("select h.id as id from city.ho_so h -- the city's")
                        + ") d")
                .isEqualTo("select * from (\nselect h.id as id from city.ho_so h -- the city's\n) d");
    }
}
