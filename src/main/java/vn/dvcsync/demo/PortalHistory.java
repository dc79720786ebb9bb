package vn.dvcsync.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.simulator.CatalogueEntry;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The demo portal's past: every sendable city dossier as the mapping makes it (synchronised at its last
 * change), then the planted portal-side differences of {@code demo.portal_plant} applied to it.
 * Wired, as the demo city, only when no city URL is configured.
 */
@Component
@ConditionalOnExpression("'${dvcsync.city.datasource.url:}'.isBlank()")
class PortalHistory {

    private static final Logger log = LoggerFactory.getLogger(PortalHistory.class);
    private static final DateTimeFormatter PORTAL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Vietnam.ZONE);
    private static final int PAGE = 5000;

    private record Plant(String code, String kind, String field, String value) {}

    private final CityReader city;
    private final PortalMapping mapping;
    private final PortalRules rules;
    private final ProvinceProperties province;

    PortalHistory(CityReader city, PortalMapping mapping, PortalRules rules, ProvinceProperties province) {
        this.city = city;
        this.mapping = mapping;
        this.rules = rules;
        this.province = province;
    }

    /**
     * @param withSteps also the progress steps a past sending left: those of each dossier on the portal whose
     *                  {@code ThoiDiemXuLy} is not after its copy's {@code NgayCapNhat}
     */
    void load(PortalSimulator portal, List<CatalogueEntry> catalogue, JdbcTemplate demo, boolean withSteps) {
        Set<String> known = catalogue.stream().map(CatalogueEntry::maTTHC).collect(Collectors.toSet());
        Map<String, Plant> onDossier = new HashMap<>();
        Map<String, List<Plant>> orphansOf = new HashMap<>();
        demo.query("select ma_ho_so, kind, field, value from demo.portal_plant", rs -> {
            Plant p = new Plant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            if ("ORPHAN".equals(p.kind())) {
                orphansOf.computeIfAbsent(p.value(), k -> new ArrayList<>()).add(p);
            } else {
                onDossier.put(p.code(), p);
            }
        });
        long loaded = 0;
        long steps = 0;
        Watermark after = Watermark.START;
        for (List<Dossier> page = city.page(after, PAGE); !page.isEmpty(); page = city.page(after, PAGE)) {
            List<ObjectNode> copies = new ArrayList<>(page.size());
            for (Dossier d : page) {
                ObjectNode copy = mapping.dossier(d);
                if (!known.contains(d.procedureCode())
                        || !rules.checkDossier(copy, province.provinceCode()).isEmpty()) {
                    continue;
                }
                String synced = PORTAL_TIME.format(d.updatedAt());
                copy.put("NgayDongBo", synced).put("NgayCapNhat", synced);
                for (Plant orphan : orphansOf.getOrDefault(d.code(), List.of())) {
                    copies.add(copy.deepCopy().put("MaHoSo", orphan.code()));
                }
                Plant plant = onDossier.get(d.code());
                if (plant != null) {
                    switch (plant.kind()) {
                        case "MISSING" -> copy = null;
                        case "STATUS" -> copy.put("TrangThaiHoSo", plant.value());
                        case "STALE" -> copy.put("NgayCapNhat", plant.value());
                        default -> {
                            if (plant.value() == null || plant.value().isBlank()) {
                                copy.remove(plant.field());
                            } else {
                                copy.put(plant.field(), plant.value());
                            }
                        }
                    }
                }
                if (copy != null) {
                    copies.add(copy);
                }
            }
            portal.preload(copies);
            loaded += copies.size();
            if (withSteps) {
                steps += loadSteps(portal, page, copies);
            }
            Dossier last = page.get(page.size() - 1);
            after = new Watermark(last.updatedAt(), last.id());
        }
        log.info(
                "Demo portal history: {} dossiers and {} progress steps put on the portal simulator ({} planted "
                        + "differences)",
                loaded,
                steps,
                onDossier.size()
                        + orphansOf.values().stream().mapToInt(List::size).sum());
    }

    /** The valid steps of the page's dossiers on the portal, up to each copy's NgayCapNhat, in their order. */
    private long loadSteps(PortalSimulator portal, List<Dossier> page, List<ObjectNode> copies) {
        Map<String, String> updatedAt = new HashMap<>();
        copies.forEach(c ->
                updatedAt.put(c.path("MaHoSo").asText(), c.path("NgayCapNhat").asText()));
        Map<Long, List<Step>> steps = city.steps(page.stream().map(Dossier::id).toList());
        long loaded = 0;
        for (Dossier d : page) {
            String upTo = updatedAt.get(d.code());
            if (upTo == null) {
                continue;
            }
            List<ObjectNode> sent = new ArrayList<>();
            for (Step step : steps.getOrDefault(d.id(), List.of())) {
                ObjectNode form = mapping.step(step);
                if (rules.checkStep(form, province.provinceCode()).isEmpty()
                        && form.path("ThoiDiemXuLy").asText().compareTo(upTo) <= 0) {
                    sent.add(form);
                }
            }
            portal.preloadSteps(d.code(), sent);
            loaded += sent.size();
        }
        return loaded;
    }
}
