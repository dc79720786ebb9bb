package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * A gateway's first incremental run (empty ledger) against a portal that holds part of the city's history: the demo
 * portal's past with its planted differences, less every third dossier it held (taken off with its steps). What the
 * run sends, each expected from the portal's copies before the run and the demo's answer key, not from the gateway.
 * Subclasses run it with the portal's {@code DanhSachHoSo} readable and without it.
 */
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FirstIncrementalRun {

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    CityReader city;

    @Autowired
    PortalMapping mapping;

    @Autowired
    PortalRules rules;

    @Autowired
    DemoCity demo;

    @Autowired
    JdbcTemplate store;

    Run incremental;
    /** Every city dossier's code. */
    Set<String> cityCodes = new HashSet<>();
    /** City dossiers the portal's rules and catalogue accept, by MaHoSo (the ones a push delivers). */
    Map<String, Dossier> sendable = new LinkedHashMap<>();
    /** Their valid progress steps, in the portal's form, in order. */
    Map<String, List<ObjectNode>> steps = new HashMap<>();
    /** The portal's copies before the run. */
    Map<String, ObjectNode> copies = new HashMap<>();
    /** How many steps the portal held per dossier before the run. */
    Map<String, Integer> stepsBefore = new HashMap<>();
    /** Held by the portal differently (the demo's planted differences). */
    Set<String> differing = new HashSet<>();
    /** Sendable, and not on the portal before the run (planted missing, or taken off here). */
    Set<String> missing = new HashSet<>();

    /** What the portal is made to do before the run, beyond holding its part of the history. */
    void beforeTheRun() {}

    @BeforeAll
    void takeOffAThirdAndRunTheFirstIncremental() {
        Set<String> unknownProcedures = demo.planted().stream()
                .filter(p -> p.category().equals("PROCEDURE_UNKNOWN"))
                .map(p -> p.recordKey())
                .collect(Collectors.toSet());
        List<Dossier> all = city.page(Watermark.START, 1_000_000);
        Map<Long, List<Step>> citySteps =
                city.steps(all.stream().map(Dossier::id).toList());
        for (Dossier d : all) {
            cityCodes.add(d.code());
            ObjectNode form = mapping.dossier(d);
            if (!rules.checkDossier(form, "H26").isEmpty() || unknownProcedures.contains(d.procedureCode())) {
                continue;
            }
            sendable.put(d.code(), d);
            steps.put(
                    d.code(),
                    citySteps.getOrDefault(d.id(), List.of()).stream()
                            .map(mapping::step)
                            .filter(s -> rules.checkStep(s, "H26").isEmpty())
                            .toList());
        }
        demo.planted().stream()
                .filter(p -> FirstNightlyRun.DIFFERING.contains(p.category()))
                .forEach(p -> differing.add(p.recordKey()));

        // the portal keeps two thirds of what it held (the planted differences among them), with their steps
        Map<String, ObjectNode> held = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> heldSteps = new HashMap<>();
        for (String key : sendable.keySet()) {
            portal.dossier(key).ifPresent(c -> {
                held.put(key, c);
                heldSteps.put(key, portal.steps(key));
            });
        }
        portal.clear();
        List<ObjectNode> kept = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ObjectNode> e : held.entrySet()) {
            if (i++ % 3 == 2 && !differing.contains(e.getKey())) {
                continue;
            }
            kept.add(e.getValue());
            copies.put(e.getKey(), e.getValue());
        }
        portal.preload(kept);
        copies.keySet().forEach(k -> portal.preloadSteps(k, heldSteps.get(k)));
        for (String key : sendable.keySet()) {
            stepsBefore.put(key, portal.steps(key).size());
            if (!copies.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(differing).isNotEmpty().allMatch(copies::containsKey);
        assertThat(missing).hasSizeGreaterThan(sendable.size() / 5);
        assertThat(identical()).hasSizeGreaterThan(sendable.size() / 2);
        beforeTheRun();
        portal.reset();

        incremental = runs.execute(RunType.INCREMENTAL);
        assertThat(incremental.status()).isEqualTo("SUCCEEDED");
    }

    /** The steps the portal received for a dossier during the run, in order. */
    List<ObjectNode> stepsSent(String key) {
        List<ObjectNode> now = portal.steps(key);
        return now.subList(stepsBefore.getOrDefault(key, 0), now.size());
    }

    /** The dossiers the portal held as the city does. */
    Set<String> identical() {
        Set<String> same = new HashSet<>(copies.keySet());
        same.removeAll(differing);
        return same;
    }

    long count(String key) {
        Object v = incremental.counts().get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    /** Each city dossier's newest ledger version's status. */
    Map<String, String> ledgerStatus() {
        Map<String, String> status = new HashMap<>();
        store.query("""
                select distinct on (record_key) record_key, status from ledger where record_type = 'DOSSIER'
                order by record_key, version desc""", rs -> {
            status.put(rs.getString(1), rs.getString(2));
        });
        return status;
    }

    /** Every sendable dossier is on the portal as the city has it. */
    void assertThePortalHoldsEverySendableDossierAsTheCityDoes() {
        for (Map.Entry<String, Dossier> e : sendable.entrySet()) {
            ObjectNode held = portal.dossier(e.getKey()).orElseThrow();
            held.remove(List.of("NgayDongBo", "NgayCapNhat"));
            assertThat(held).as("portal copy of %s", e.getKey()).isEqualTo(mapping.dossier(e.getValue()));
        }
    }

    /** None lost: every city dossier ends delivered, quarantined or pending, and every sendable one delivered. */
    void assertNoneLost() {
        Map<String, String> status = ledgerStatus();
        assertThat(status.keySet()).containsAll(cityCodes);
        for (String code : cityCodes) {
            assertThat(status.get(code)).as("ledger status of %s", code).isIn("DELIVERED", "QUARANTINED", "PENDING");
        }
        for (String code : sendable.keySet()) {
            assertThat(status.get(code)).as("ledger status of %s", code).isEqualTo("DELIVERED");
        }
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
