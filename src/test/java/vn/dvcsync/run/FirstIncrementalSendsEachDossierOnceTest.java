package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The first incremental run on a portal holding part of the city's history, with the portal's {@code DanhSachHoSo}
 * at hand: each dossier is sent once at most (no create answered "already exists" and sent again), those the portal
 * held as the city does not at all, and none is lost.
 */
@SpringBootTest(properties = {"dvcsync.demo.dossiers=400", "dvcsync.report-dir=target/test-reports/first-incremental"})
class FirstIncrementalSendsEachDossierOnceTest extends FirstIncrementalRun {

    @Test
    void eachDossierThePortalLacksOrHoldsDifferentlyIsSentOnceAndNoOtherIsSent() {
        assertThat(portal.dossiersSent().values())
                .as("times each dossier was sent (no create answered \"already exists\", then an update)")
                .containsOnly(1);
        assertThat(portal.dossiersSent().keySet())
                .as("dossiers sent")
                .containsExactlyInAnyOrderElementsOf(union(differing, missing));
        for (String key : union(differing, missing)) {
            assertThat(portal.writes(key)).as("writes of %s", key).isEqualTo(1);
        }
        assertThat(portal.calls("DanhSachHoSo"))
                .as("pages of the portal's list read, fewer than the creates they spare")
                .isBetween(1L, (long) Math.ceil(sendable.size() / 50.0));
    }

    @Test
    void thePortalHoldsEverySendableDossierAsTheCityDoesAndNoneIsLost() {
        assertThePortalHoldsEverySendableDossierAsTheCityDoes();
        assertNoneLost();
    }

    @Test
    void theSummaryCountsAdoptedUpdatedAndCreated() {
        assertThat(count("run.dossier.delivered.ADOPTED")).isEqualTo(identical().size());
        assertThat(count("pushed.dossiers_updated")).isEqualTo(differing.size());
        assertThat(count("pushed.dossiers_created")).isEqualTo(missing.size());
        assertThat(count("pushed.already_on_portal")).isZero();
        assertThat(count("first_contact.held_on_portal"))
                .as("waiting dossiers the portal's list showed it held")
                .isEqualTo(copies.size());
        assertThat(count("first_contact.pages")).isEqualTo(portal.calls("DanhSachHoSo"));
    }

    @Test
    void onlyTheStepsAfterThePortalCopysLastUpdateAreSentAndThePortalShowsEachOnce() {
        for (String key : sendable.keySet()) {
            ObjectNode copy = copies.get(key);
            List<ObjectNode> expected = steps.get(key).stream()
                    .filter(s -> copy == null
                            || s.get("ThoiDiemXuLy")
                                            .asText()
                                            .compareTo(copy.get("NgayCapNhat").asText())
                                    > 0)
                    .toList();
            assertThat(stepsSent(key)).as("steps sent of %s", key).isEqualTo(expected);
            assertThat(portal.steps(key))
                    .as("steps of %s on the portal: each once, in order", key)
                    .isEqualTo(steps.get(key));
        }
    }
}
