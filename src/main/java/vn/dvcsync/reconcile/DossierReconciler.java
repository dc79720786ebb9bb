package vn.dvcsync.reconcile;

import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.mapping.ComparedFields;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.support.BatchHandoff;

/**
 * Compares the city's dossiers received in a period with the portal's copies ({@code DanhSachHoSo}), reporting
 * every {@code DOSSIER_*} category of {@code gateway.md} (see {@link DossierChecks} for the exact rules) and
 * filling the dossier facts of {@link IndexFacts}. Read only: sends nothing to the portal.
 *
 * <p>Both sides stream in {@code MaHoSo} byte order and are merged ({@link DossierMerge}): the city's rows through
 * {@link CityReader#streamReceived} ({@code mappings/sql/dossiers.sql}) with a fetch size, the portal's pages with the next one fetched in the background. Reading, preparing
 * (mapping and rules) and merging run on three threads joined by bounded hand-offs. Memory does not grow with the
 * number of dossiers.
 */
@Component
public class DossierReconciler {

    private static final Logger log = LoggerFactory.getLogger(DossierReconciler.class);
    private static final int HANDOFF_BATCH = 500;
    private static final int HANDOFF_DEPTH = 4;

    private final CityReader city;
    private final PortalClient portal;
    private final PortalMapping mapping;
    private final PortalRules rules;
    private final ComparedFields fields;
    private final ProvinceProperties province;
    private final ReconcileProperties props;

    DossierReconciler(
            CityReader city,
            PortalClient portal,
            PortalMapping mapping,
            PortalRules rules,
            ComparedFields fields,
            ProvinceProperties province,
            ReconcileProperties props) {
        this.city = city;
        this.portal = portal;
        this.mapping = mapping;
        this.rules = rules;
        this.fields = fields;
        this.province = province;
        this.props = props;
    }

    /** Reports the dossier mismatches of the period to {@code sink} and adds the dossier counts to {@code facts}. */
    public void reconcile(ReconcilePeriod period, MismatchSink sink, IndexFacts facts) {
        reconcile(period, sink, facts, d -> {});
    }

    /** As above, also handing each city dossier of the period to {@code cityDossiers} as it streams by. */
    public void reconcile(ReconcilePeriod period, MismatchSink sink, IndexFacts facts, Consumer<Dossier> cityDossiers) {
        reconcile(period, sink, facts, cityDossiers, v -> {});
    }

    /**
     * As above, also telling {@code verdicts} what was concluded for each city dossier of the period (on the merge
     * thread, in byte order of MaHoSo): whether the portal holds it as the city does, differently, or not at all.
     */
    public void reconcile(
            ReconcilePeriod period,
            MismatchSink sink,
            IndexFacts facts,
            Consumer<Dossier> cityDossiers,
            Consumer<DossierVerdict> verdicts) {
        long t0 = System.nanoTime();
        Set<String> catalogue = portal.procedureCodes();
        DossierChecks checks = new DossierChecks(
                mapping,
                rules,
                fields,
                province.provinceCode(),
                props.freshness(),
                period.portalTo(),
                catalogue,
                sink,
                verdicts);
        DossierMerge merge;
        long pages;
        try (PortalPages portalPages = new PortalPages(portal, period, props.pageSize())) {
            merge = new DossierMerge(checks, portalPages);
            // Three threads overlap: this one reads the city's rows; the next maps them to the portal's form and
            // checks the portal's rules (DossierChecks.prepare, thread-safe); the last merges and compares.
            DossierMerge consumer = merge;
            try (BatchHandoff<DossierChecks.CityDossier> merging = new BatchHandoff<>(
                            "reconcile-merge", HANDOFF_BATCH, HANDOFF_DEPTH, batch -> batch.forEach(consumer::accept));
                    BatchHandoff<Dossier> preparing = new BatchHandoff<>(
                            "reconcile-prepare",
                            HANDOFF_BATCH,
                            HANDOFF_DEPTH,
                            batch -> batch.forEach(d -> merging.add(checks.prepare(d))))) {
                city.streamReceived(period.from(), period.to(), props.fetchSize(), d -> {
                    cityDossiers.accept(d);
                    preparing.add(d);
                });
                preparing.finish(); // every batch prepared and handed to the merge (happens-before the next line)
                merging.finish();
            }
            merge.finish();
            pages = portalPages.pages();
        }
        checks.flush(facts);
        if (merge.portalWithoutKey() > 0) {
            log.warn("The portal listed {} dossier(s) without MaHoSo; they were skipped", merge.portalWithoutKey());
        }
        log.info(
                "Dossier reconciliation of [{}, {}): {} city dossiers, {} portal dossiers in {} page(s), in {} ms; rows {}",
                period.from(),
                period.to(),
                merge.cityCount(),
                merge.portalCount(),
                pages,
                (System.nanoTime() - t0) / 1_000_000,
                checks.rowCounts());
    }
}
