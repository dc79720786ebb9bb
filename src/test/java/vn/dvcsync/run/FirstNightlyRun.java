package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A gateway's first nightly run against a portal that already holds the city's history (the demo portal's past,
 * with its planted differences, and one more planted here): what the run writes, creates, adopts and which
 * progress steps it sends, each expected from the portal's copies read before the run and the contract's rules,
 * not from the gateway. Subclasses run it under each steps-on-first-contact policy.
 */
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FirstNightlyRun {

    /** The demo's portal-side plants that make the portal's copy differ from the city's dossier. */
    static final Set<String> DIFFERING = Set.of("DOSSIER_STATUS_MISMATCH", "DOSSIER_STALE", "DOSSIER_FIELD_MISMATCH");

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

    Run nightly;
    /** City dossiers the portal's rules and catalogue accept, by MaHoSo (the ones a push delivers). */
    Map<String, Dossier> sendable = new LinkedHashMap<>();
    /** Their valid progress steps, in the portal's form, in order. */
    Map<String, List<ObjectNode>> steps = new HashMap<>();
    /** The portal's copies before the run. */
    Map<String, ObjectNode> copies = new HashMap<>();
    /** How many steps the portal held per dossier before the run. */
    Map<String, Integer> stepsBefore = new HashMap<>();

    Set<String> differing = new HashSet<>();
    Set<String> missing = new HashSet<>();
    /** The dossier planted here: its portal copy has another summary and was last updated at its first step. */
    String plantedHere;

    @BeforeAll
    void plantAndRunTheFirstNightly() {
        Set<String> plantedOnDossiers =
                demo.planted().stream().map(p -> p.recordKey()).collect(Collectors.toSet());
        Set<String> unknownProcedures = demo.planted().stream()
                .filter(p -> p.category().equals("PROCEDURE_UNKNOWN"))
                .map(p -> p.recordKey())
                .collect(Collectors.toSet());
        List<Dossier> all = city.page(Watermark.START, 1_000_000);
        Map<Long, List<Step>> citySteps =
                city.steps(all.stream().map(Dossier::id).toList());
        for (Dossier d : all) {
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
        plantedHere = sendable.keySet().stream()
                .filter(k -> !plantedOnDossiers.contains(k) && portal.dossier(k).isPresent())
                .filter(k -> steps.get(k).size() >= 3)
                .findFirst()
                .orElseThrow();
        ObjectNode copy = portal.dossier(plantedHere).orElseThrow();
        copy.put("TrichYeuHoSo", copy.get("TrichYeuHoSo").asText() + " (bản cũ)")
                .put(
                        "NgayCapNhat",
                        steps.get(plantedHere).get(0).get("ThoiDiemXuLy").asText());
        portal.preload(List.of(copy));

        for (String key : sendable.keySet()) {
            Optional<ObjectNode> held = portal.dossier(key);
            held.ifPresent(c -> copies.put(key, c));
            stepsBefore.put(key, portal.steps(key).size());
        }
        demo.planted().stream()
                .filter(p -> DIFFERING.contains(p.category()))
                .forEach(p -> differing.add(p.recordKey()));
        differing.add(plantedHere);
        demo.planted().stream()
                .filter(p -> p.category().equals("DOSSIER_MISSING_ON_PORTAL"))
                .forEach(p -> missing.add(p.recordKey()));
        assertThat(differing).isNotEmpty().allMatch(copies::containsKey);
        assertThat(missing).isNotEmpty().allMatch(k -> sendable.containsKey(k) && !copies.containsKey(k));
        portal.reset();

        nightly = runs.execute(RunType.NIGHTLY);
        assertThat(nightly.status()).isEqualTo("SUCCEEDED");
    }

    /** The steps the portal received for a dossier during the run, in order. */
    List<ObjectNode> stepsSent(String key) {
        List<ObjectNode> now = portal.steps(key);
        return now.subList(stepsBefore.getOrDefault(key, 0), now.size());
    }

    /** The dossiers the portal holds, in the city and not differing: what a first nightly adopts. */
    Set<String> identical() {
        Set<String> same = new HashSet<>(copies.keySet());
        same.removeAll(differing);
        return same;
    }

    long count(String key) {
        Object v = nightly.counts().get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }
}
