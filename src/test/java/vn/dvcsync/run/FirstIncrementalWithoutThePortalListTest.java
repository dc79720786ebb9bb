package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The first incremental run on a portal holding part of the city's history that does not offer {@code DanhSachHoSo}
 * (it is an assumed service): the run does as it did before first contact read the list — each dossier is sent as a
 * create, the ones the portal holds again as updates after its answer "already exists" — and withholds or loses
 * nothing.
 */
@SpringBootTest(
        properties = {"dvcsync.demo.dossiers=400", "dvcsync.report-dir=target/test-reports/first-incremental-no-list"})
class FirstIncrementalWithoutThePortalListTest extends FirstIncrementalRun {

    @Override
    void beforeTheRun() {
        portal.knobs().withoutServices("DanhSachHoSo");
    }

    @Test
    void everyDossierIsDeliveredAsBeforeAndNoneIsLost() {
        assertThat(portal.calls("DanhSachHoSo")).as("the list was asked for").isPositive();
        assertThePortalHoldsEverySendableDossierAsTheCityDoes();
        assertNoneLost();
        for (String key : copies.keySet()) {
            assertThat(portal.dossiersSent().get(key))
                    .as("%s: a create answered \"already exists\", then an update", key)
                    .isEqualTo(2);
        }
        for (String key : missing) {
            assertThat(portal.dossiersSent().get(key)).as("%s: created", key).isEqualTo(1);
        }
        assertThat(count("run.dossier.delivered.ADOPTED")).isZero();
        assertThat(count("pushed.dossiers_created")).isEqualTo(missing.size());
        assertThat(count("pushed.dossiers_updated")).isEqualTo(copies.size());
    }
}
