package vn.dvcsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.applicant.ApplicantReconciler;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PopulationSimulator;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The reconcilers on the demo city, end to end: after an incremental push and the demo's portal-side plants
 * (its answer key's {@code demo.portal_plant}), every planted defect is found and nothing else, and nothing is
 * sent to the portal. The portal is changed behind the gateway's back, so the context is not shared further.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReconciliationEndToEndTest {

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    PopulationSimulator population;

    @Autowired
    DemoCity demo;

    @Autowired
    CityReader extractor;

    @Autowired
    JdbcTemplate store;

    @Autowired
    ReconcileProperties props;

    @Autowired
    DossierReconciler dossiers;

    @Autowired
    ProcedureReconciler procedures;

    @Autowired
    ApplicantReconciler applicants;

    ReconcilePeriod period;

    @BeforeAll
    void pushThenPlant() {
        Run run = runs.execute(RunType.INCREMENTAL);
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        applyPortalPlants();
        period = ReconcilePeriod.lastDays(props.days(), Instant.now());
    }

    @Test
    void everyPlantedDefectIsFoundAndNothingElseWithoutWritingToThePortal() {
        long writes = portal.totalWrites();
        long pushCalls = portal.calls("DongBoHoSoMC") + portal.calls("CapNhatTienDoHoSoMC");

        List<Mismatch> rows = reconcile();

        Set<String> planted = demo.planted().stream()
                .map(p -> p.category() + "|" + p.recordType() + "|" + p.recordKey() + "|" + p.field())
                .collect(Collectors.toSet());
        List<String> found = rows.stream()
                .map(m -> m.category() + "|" + m.recordType() + "|" + m.recordKey() + "|" + m.field())
                .toList();
        Set<String> categories =
                planted.stream().map(p -> p.substring(0, p.indexOf('|'))).collect(Collectors.toSet());
        assertThat(categories).as("the demo plants every category").hasSize(11);
        assertThat(found)
                .as("one row per (record, category, field), each planted, each plant found")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(planted);
        assertThat(portal.totalWrites()).isEqualTo(writes);
        assertThat(portal.calls("DongBoHoSoMC") + portal.calls("CapNhatTienDoHoSoMC"))
                .isEqualTo(pushCalls);
    }

    @Test
    void rowsNameTheirUnitAndMaskIdNumbers() {
        List<Mismatch> rows = reconcile();

        assertThat(rows)
                .allSatisfy(m -> assertThat(m.unitCode()).as("unit of %s", m).isNotBlank());
        assertThat(rows)
                .filteredOn(m -> !m.recordType().equals("PROCEDURE"))
                .allSatisfy(
                        m -> assertThat(m.unitName()).as("unit name of %s", m).isNotBlank());
        assertThat(rows)
                .filteredOn(m -> m.recordType().equals("PROCEDURE"))
                .allSatisfy(m -> assertThat(m.unitCode()).isEqualTo("000.00.00.H26"));
        List<Mismatch> ids = rows.stream()
                .filter(m -> m.field().equals("DinhDanhCHS") || m.field().equals("SoDinhDanh"))
                .toList();
        assertThat(ids)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.cityValue() + " " + m.portalValue())
                        .as("values of %s", m)
                        .doesNotContainPattern("\\d{5}"));
    }

    @Test
    void theFactsCountTheCitysDossiersAndProcedures() {
        IndexFacts facts = new IndexFacts();
        List<Mismatch> rows = new ArrayList<>();
        dossiers.reconcile(period, rows::add, facts);
        procedures.reconcile(period, rows::add, facts);

        long city = extractor.page(Watermark.START, 1_000_000).size();
        Map<String, Long> byCategory =
                rows.stream().collect(Collectors.groupingBy(Mismatch::category, Collectors.counting()));
        assertThat(facts.total(IndexFacts.DOSSIERS_RECEIVED)).isEqualTo(city);
        long invalid = rows.stream()
                .filter(m -> m.category().equals("DOSSIER_INVALID"))
                .map(Mismatch::recordKey)
                .distinct()
                .count();
        long notOnPortal = byCategory.get("DOSSIER_MISSING_ON_PORTAL") + invalid + citingUnknownProcedures(rows);
        assertThat(facts.total(IndexFacts.DOSSIERS_ON_PORTAL)).isEqualTo(city - notOnPortal);
        assertThat(facts.total(IndexFacts.DOSSIERS_STATUS_CURRENT))
                .isEqualTo(city
                        - notOnPortal
                        - byCategory.get("DOSSIER_STATUS_MISMATCH")
                        - byCategory.get("DOSSIER_STALE"));
        assertThat(facts.units())
                .filteredOn(u -> !u.equals("000.00.00.H26"))
                .allSatisfy(
                        u -> assertThat(facts.unitName(u)).as("name of %s", u).isNotBlank());
        long inForce = new JdbcTemplate(demo.writableDataSource())
                .queryForObject("select count(*) from city.thu_tuc where hieu_luc", Long.class);
        assertThat(facts.total(IndexFacts.PROCEDURES_IN_FORCE)).isEqualTo(inForce);
        assertThat(facts.total(IndexFacts.PROCEDURES_PUBLIC_ON_TIME))
                .isEqualTo(inForce - byCategory.get("PROCEDURE_NOT_PUBLIC") - byCategory.get("PROCEDURE_PUBLIC_LATE"));
    }

    @Test
    void onlyApplicantsWithoutAFreshCachedAnswerAreLookedUpAgain() {
        List<String> aged = store.queryForList("""
                select id_number from applicant_check group by id_number having count(*) = 1 order by id_number limit 3
                """, String.class);
        assertThat(aged).hasSize(3);
        store.update(
                "update population_cache set fetched_at = now() - interval '400 days' where id_number = any(?)",
                (Object) aged.toArray(String[]::new));
        long before = population.calls();
        Map<String, Integer> lookupsBefore = new LinkedHashMap<>();
        aged.forEach(id -> lookupsBefore.put(id, population.lookups(id)));

        List<Mismatch> first = new ArrayList<>();
        applicants.reconcile(period, first::add, new IndexFacts());

        assertThat(population.calls() - before).isEqualTo(3);
        aged.forEach(id -> assertThat(population.lookups(id)).isEqualTo(lookupsBefore.get(id) + 1));

        List<Mismatch> second = new ArrayList<>();
        applicants.reconcile(period, second::add, new IndexFacts());
        assertThat(population.calls() - before).as("the answers are fresh now").isEqualTo(3);
        assertThat(second)
                .isEqualTo(first)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.recordType()).isEqualTo("APPLICANT"));
    }

    @Test
    void onlyApplicantsOfThePeriodAreVerifiedAndReported() {
        ReconcilePeriod lastMonth = ReconcilePeriod.lastDays(30, Instant.now());
        Set<String> inMonth = Set.copyOf(new JdbcTemplate(demo.writableDataSource())
                .queryForList(
                        "select ma_ho_so from city.ho_so where ngay_tiep_nhan >= ? and ngay_tiep_nhan < ?",
                        String.class,
                        lastMonth.from(),
                        lastMonth.to()));
        List<String[]> single = store.query("""
                select min(dossier_code), id_number from applicant_check group by id_number having count(*) = 1
                order by id_number
                """, (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        String[] inside =
                single.stream().filter(c -> inMonth.contains(c[0])).findFirst().orElseThrow();
        String[] outside =
                single.stream().filter(c -> !inMonth.contains(c[0])).findFirst().orElseThrow();
        store.update(
                "update applicant_check set status = 'PENDING' where dossier_code in (?, ?)", inside[0], outside[0]);
        store.update(
                "update population_cache set fetched_at = now() - interval '400 days' where id_number in (?, ?)",
                inside[1],
                outside[1]);
        int insideLookups = population.lookups(inside[1]);
        int outsideLookups = population.lookups(outside[1]);

        List<Mismatch> rows = new ArrayList<>();
        applicants.reconcile(lastMonth, rows::add, new IndexFacts());

        assertThat(population.lookups(inside[1])).isEqualTo(insideLookups + 1);
        assertThat(population.lookups(outside[1])).isEqualTo(outsideLookups);
        assertThat(store.queryForObject(
                        "select status from applicant_check where dossier_code = ?", String.class, inside[0]))
                .isEqualTo("CHECKED");
        assertThat(store.queryForObject(
                        "select status from applicant_check where dossier_code = ?", String.class, outside[0]))
                .isEqualTo("PENDING");
        List<String> planted = demo.planted().stream()
                .filter(p -> p.recordType().equals("APPLICANT") && inMonth.contains(p.recordKey()))
                .map(p -> p.category() + "|" + p.recordKey() + "|" + p.field())
                .toList();
        assertThat(rows.stream().map(m -> m.category() + "|" + m.recordKey() + "|" + m.field()))
                .containsExactlyInAnyOrderElementsOf(planted);
        // leave it as the other tests expect it: checked, with a fresh answer
        store.update("update applicant_check set status = 'CHECKED' where dossier_code = ?", outside[0]);
        store.update("update population_cache set fetched_at = now() where id_number = ?", outside[1]);
    }

    private List<Mismatch> reconcile() {
        IndexFacts facts = new IndexFacts();
        List<Mismatch> rows = new ArrayList<>();
        dossiers.reconcile(period, rows::add, facts);
        procedures.reconcile(period, rows::add, facts);
        applicants.reconcile(period, rows::add, facts);
        return rows;
    }

    /** Dossiers that cite a procedure planted unknown to the portal (valid otherwise, so not on the portal). */
    private long citingUnknownProcedures(List<Mismatch> rows) {
        Set<String> unknown = rows.stream()
                .filter(m -> m.category().equals("PROCEDURE_UNKNOWN"))
                .map(Mismatch::recordKey)
                .collect(Collectors.toSet());
        Set<String> invalid = rows.stream()
                .filter(m -> m.category().equals("DOSSIER_INVALID"))
                .map(Mismatch::recordKey)
                .collect(Collectors.toSet());
        return extractor.page(Watermark.START, 1_000_000).stream()
                .filter(d -> unknown.contains(d.procedureCode()) && !invalid.contains(d.code()))
                .count();
    }

    /**
     * Applies {@code demo.portal_plant} to the portal's copies of the city's dossiers: orphans added, statuses,
     * update times and fields changed, missing ones left off.
     */
    private void applyPortalPlants() {
        Map<String, ObjectNode> copies = new LinkedHashMap<>();
        for (Dossier d : extractor.page(Watermark.START, 1_000_000)) {
            portal.dossier(d.code()).ifPresent(copy -> copies.put(d.code(), copy));
        }
        new JdbcTemplate(demo.writableDataSource())
                .query("select ma_ho_so, kind, field, value from demo.portal_plant", rs -> {
                    String code = rs.getString(1);
                    String field = rs.getString(3);
                    String value = rs.getString(4);
                    switch (rs.getString(2)) {
                        case "ORPHAN" ->
                            copies.put(code, copies.get(value).deepCopy().put("MaHoSo", code));
                        case "STATUS", "STALE", "FIELD" -> copies.get(code).put(field, value);
                        case "MISSING" -> copies.remove(code);
                        default -> throw new IllegalStateException("unknown plant " + rs.getString(2));
                    }
                });
        portal.clear();
        portal.preload(copies.values());
    }
}
