package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The run types officials rely on, on the demo city whose portal holds a planted past: {@code reconcile}
 * finds exactly the planted defects and writes nothing to the portal; {@code nightly} heals what a push can
 * heal, so that a reconcile after it shows only what the city itself must fix.
 */
@SpringBootTest(properties = {"dvcsync.demo.dossiers=1000", "dvcsync.report-dir=target/test-reports/run-types"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileAndNightlyRunTest {

    /** What a push cannot mend: the city's own data, its procedures, and dossiers only the portal has. */
    private static final Set<String> CITY_MUST_FIX = Set.of(
            "DOSSIER_INVALID",
            "PROCEDURE_NOT_PUBLIC",
            "PROCEDURE_PUBLIC_LATE",
            "PROCEDURE_UNKNOWN",
            "APPLICANT_NOT_FOUND",
            "APPLICANT_DATA_MISMATCH",
            "DOSSIER_ORPHAN_ON_PORTAL");

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    DemoCity demo;

    @Autowired
    JdbcTemplate store;

    @Test
    @Order(1)
    void reconcileFindsExactlyThePlantedDefectsAndWritesNothingToThePortal() throws Exception {
        long writes = portal.totalWrites();
        Run run = runs.execute(RunType.RECONCILE);

        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(portal.totalWrites()).isEqualTo(writes);
        Set<String> planted = demo.planted().stream()
                .map(p -> p.category() + " " + p.recordKey() + " " + p.field())
                .collect(Collectors.toSet());
        assertThat(planted.stream().map(p -> p.split(" ")[0]).collect(Collectors.toSet()))
                .hasSize(11);
        assertThat(found(run.id())).isEqualTo(planted);

        Path dir = Path.of("target/test-reports/run-types", run.id());
        assertThat(dir.resolve("mismatches.csv")).isNotEmptyFile();
        assertThat(dir.resolve("mismatches.xlsx")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("summary.json"))).contains(run.id());
    }

    @Test
    @Order(2)
    void nightlyHealsWhatAPushCanHealAndLeavesWhatTheCityMustFix() {
        Run nightly = runs.execute(RunType.NIGHTLY);
        assertThat(nightly.status()).isEqualTo("SUCCEEDED");
        assertThat(portal.totalWrites()).isPositive();

        Run after = runs.execute(RunType.RECONCILE);
        Set<String> categories =
                found(after.id()).stream().map(f -> f.split(" ")[0]).collect(Collectors.toSet());
        assertThat(categories).isNotEmpty().isSubsetOf(CITY_MUST_FIX);
        Set<String> plantedForTheCity = demo.planted().stream()
                .filter(p -> CITY_MUST_FIX.contains(p.category()))
                .map(p -> p.category() + " " + p.recordKey() + " " + p.field())
                .collect(Collectors.toSet());
        assertThat(found(after.id())).isEqualTo(plantedForTheCity);
        assertThat(found(nightly.id())).isEqualTo(plantedForTheCity);
    }

    private Set<String> found(String runId) {
        return Set.copyOf(store.queryForList(
                "select category || ' ' || record_key || ' ' || field from mismatch where run_id = ?",
                String.class,
                runId));
    }

    @Test
    @Order(3)
    void nightlyResendsADeliveredDossierThatThePortalNoLongerHoldsAsSent() {
        String key = store.queryForObject("""
                select record_key from ledger where record_type = 'DOSSIER' and status = 'DELIVERED'
                order by record_key limit 1""", String.class);
        ObjectNode sent = portal.dossier(key).orElseThrow();
        String status = sent.get("TrangThaiHoSo").asText();
        portal.preload(List.of(sent.deepCopy().put("TrangThaiHoSo", "0".equals(status) ? "4" : "0")));

        Run found = runs.execute(RunType.RECONCILE);
        assertThat(found(found.id())).contains("DOSSIER_STATUS_MISMATCH " + key + " TrangThaiHoSo");

        Run nightly = runs.execute(RunType.NIGHTLY);
        assertThat(nightly.counts()).containsEntry("nightly.reopened", 1);
        assertThat(portal.dossier(key).orElseThrow().get("TrangThaiHoSo").asText())
                .isEqualTo(status);
        assertThat(found(nightly.id())).noneMatch(f -> f.contains(key));
    }
}
