package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.demo.DemoCity.PlantedDefect;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The spine, end to end on the embedded PostgreSQL and the simulators: after one incremental run
 * every demo dossier is on the portal exactly as the mapping makes it, or quarantined with a reason.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalRunEndToEndTest {

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    PortalMapping mapping;

    @Autowired
    CityReader extractor;

    @Autowired
    DemoCity demo;

    @Autowired
    JdbcTemplate store;

    Run run;
    List<Dossier> city;

    @BeforeAll
    void runOnce() {
        run = runs.execute(RunType.INCREMENTAL);
        city = extractor.page(Watermark.START, 1_000_000);
    }

    @Test
    void theRunSucceedsAndCountsWhatItDid() {
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("extracted.dossiers", city.size());
        // delivered by the push, or adopted: the demo portal held it as the city does (first contact)
        long delivered = ((Number) run.counts().get("run.dossier.delivered")).longValue()
                + ((Number) run.counts().getOrDefault("run.dossier.delivered.ADOPTED", 0)).longValue();
        long quarantined = run.counts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("run.dossier.quarantined."))
                .mapToLong(e -> ((Number) e.getValue()).longValue())
                .sum();
        assertThat(delivered + quarantined).isEqualTo(city.size());
        assertThat(run.counts()).doesNotContainKeys("ledger.dossier.pending", "ledger.dossier.failed");
    }

    @Test
    void everyCityDossierIsOnThePortalAsMappedOrQuarantinedWithItsReason() {
        Map<String, String[]> ledger = new HashMap<>();
        store.query(
                "select record_key, status, reason, rule from ledger where record_type = 'DOSSIER' and status <> 'SUPERSEDED'",
                rs -> {
                    ledger.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        int onPortal = 0;
        int quarantined = 0;
        for (Dossier d : city) {
            String[] row = ledger.get(d.code());
            assertThat(row).as("ledger row of %s", d.code()).isNotNull();
            if ("DELIVERED".equals(row[0])) {
                ObjectNode held =
                        portal.dossier(d.code()).orElseThrow(() -> new AssertionError(d.code() + " not on portal"));
                held.remove(List.of("NgayDongBo", "NgayCapNhat"));
                assertThat(held).as("portal copy of %s", d.code()).isEqualTo(mapping.dossier(d));
                onPortal++;
            } else {
                assertThat(row[0]).as("status of %s", d.code()).isEqualTo("QUARANTINED");
                assertThat(row[1]).as("reason of %s", d.code()).isNotBlank();
                assertThat(row[2]).as("rule of %s", d.code()).isNotBlank();
                assertThat(portal.dossier(d.code()))
                        .as("%s must not reach the portal", d.code())
                        .isEmpty();
                quarantined++;
            }
        }
        assertThat(onPortal + quarantined).isEqualTo(city.size());
        long orphans = demo.planted().stream()
                .filter(p -> p.category().equals("DOSSIER_ORPHAN_ON_PORTAL"))
                .count();
        assertThat(portal.dossierCount()).isEqualTo(onPortal + orphans);
        assertThat(onPortal).isGreaterThan(city.size() * 8 / 10);
    }

    @Test
    void plantedInvalidDossiersAreQuarantinedNamingTheirField() {
        Map<String, String> rules = store
                .query(
                        "select record_key, rule from ledger where record_type = 'DOSSIER' and status = 'QUARANTINED' and reason = 'DOSSIER_INVALID'",
                        (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<PlantedDefect> invalid = demo.planted().stream()
                .filter(p -> p.category().equals("DOSSIER_INVALID"))
                .toList();
        assertThat(invalid).isNotEmpty();
        for (PlantedDefect p : invalid) {
            assertThat(rules).as("planted %s", p).containsEntry(p.recordKey(), p.field());
        }
        assertThat(rules).hasSize(invalid.size());
    }

    @Test
    void dossiersCitingAProcedureUnknownToThePortalAreQuarantinedAsSuch() {
        Set<String> unknown = demo.planted().stream()
                .filter(p -> p.category().equals("PROCEDURE_UNKNOWN"))
                .map(PlantedDefect::recordKey)
                .collect(Collectors.toSet());
        assertThat(unknown).isNotEmpty();
        Set<String> citing = city.stream()
                .filter(d -> unknown.contains(d.procedureCode()))
                .map(Dossier::code)
                .collect(Collectors.toSet());
        assertThat(citing).isNotEmpty();
        List<String> reasons = store.queryForList("""
                select reason from ledger where record_type = 'DOSSIER' and status <> 'SUPERSEDED' and record_key = any(?)
                """, String.class, (Object) citing.toArray(String[]::new));
        assertThat(reasons)
                .hasSize(citing.size())
                .allMatch(r -> r.equals("PROCEDURE_UNKNOWN") || r.equals("DOSSIER_INVALID"));
    }

    @Test
    void progressStepsFollowTheirDossierInOrder() {
        Map<Long, List<Step>> steps =
                extractor.steps(city.stream().map(Dossier::id).toList());
        for (Dossier d : city) {
            if (portal.dossier(d.code()).isEmpty()) {
                assertThat(portal.steps(d.code())).isEmpty();
                continue;
            }
            List<ObjectNode> expected = steps.getOrDefault(d.id(), List.of()).stream()
                    .map(mapping::step)
                    .toList();
            assertThat(portal.steps(d.code())).as("steps of %s", d.code()).isEqualTo(expected);
        }
    }

    @Test
    void plantedApplicantDefectsAreFound() {
        Set<String> found = Set.copyOf(store.queryForList(
                "select category || '|' || dossier_code || '|' || field from applicant_finding", String.class));
        List<PlantedDefect> applicants = demo.planted().stream()
                .filter(p -> p.category().startsWith("APPLICANT_"))
                .toList();
        assertThat(applicants).isNotEmpty();
        for (PlantedDefect p : applicants) {
            String key = p.category() + "|" + p.recordKey() + "|"
                    + (p.category().equals("APPLICANT_NOT_FOUND") ? "" : p.field());
            assertThat(found.stream().anyMatch(f -> f.startsWith(key)))
                    .as("planted %s found among findings", p)
                    .isTrue();
        }
    }

    @Test
    void aSecondRunFindsNothingNewAndSendsNothing() {
        long writes = portal.totalWrites();
        Run second = runs.execute(RunType.INCREMENTAL);
        assertThat(second.status()).isEqualTo("SUCCEEDED");
        assertThat(second.counts().getOrDefault("extracted.new_versions", 0)).isEqualTo(0);
        assertThat(portal.totalWrites()).isEqualTo(writes);
    }
}
