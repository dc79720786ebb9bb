package vn.dvcsync.reconcile;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.kernel.MappingsProperties;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.support.BatchHandoff;
import vn.dvcsync.kernel.ProvinceProperties;

/**
 * Compares the city's dossiers received in a period with the portal's copies ({@code DanhSachHoSo}), reporting
 * every {@code DOSSIER_*} category of {@code gateway.md} (see {@link DossierChecks} for the exact rules) and
 * filling the dossier facts of {@link IndexFacts}. Read only: sends nothing to the portal.
 *
 * <p>Both sides stream in {@code MaHoSo} byte order and are merged ({@link DossierMerge}): the city's rows through
 * {@code mappings/sql/reconcile-dossiers.sql} with a fetch size in a read-only transaction (PostgreSQL streams
 * only without auto-commit), the portal's pages with the next one fetched in the background. Reading, preparing
 * (mapping and rules) and merging run on three threads joined by bounded hand-offs. Memory does not grow with the
 * number of dossiers.
 */
@Component
public class DossierReconciler {

    private static final Logger log = LoggerFactory.getLogger(DossierReconciler.class);
    private static final int HANDOFF_BATCH = 500;
    private static final int HANDOFF_DEPTH = 4;

    private final NamedParameterJdbcTemplate city;
    private final TransactionTemplate readOnly;
    private final String sql;
    private final PortalClient portal;
    private final PortalMapping mapping;
    private final PortalRules rules;
    private final ProvinceProperties sync;
    private final ReconcileProperties props;

    DossierReconciler(@Qualifier("cityDataSource") DataSource cityDataSource, MappingsProperties mappings,
                      PortalClient portal, PortalMapping mapping, PortalRules rules, ProvinceProperties sync,
                      ReconcileProperties props) {
        JdbcTemplate streaming = new JdbcTemplate(cityDataSource);
        streaming.setFetchSize(props.fetchSize());
        this.city = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(cityDataSource));
        this.readOnly.setReadOnly(true);
        this.sql = Sql.read(mappings, "reconcile-dossiers.sql");
        this.portal = portal;
        this.mapping = mapping;
        this.rules = rules;
        this.sync = sync;
        this.props = props;
    }

    /** Reports the dossier mismatches of the period to {@code sink} and adds the dossier counts to {@code facts}. */
    public void reconcile(ReconcilePeriod period, MismatchSink sink, IndexFacts facts) {
        reconcile(period, sink, facts, d -> { });
    }

    /** As above, also handing each city dossier of the period to {@code cityDossiers} as it streams by. */
    public void reconcile(ReconcilePeriod period, MismatchSink sink, IndexFacts facts, Consumer<Dossier> cityDossiers) {
        long t0 = System.nanoTime();
        Set<String> catalogue = new HashSet<>();
        portal.procedures().forEach(p -> {
            String code = PortalForm.text(p, "MaTTHC");
            if (code != null) {
                catalogue.add(code);
            }
        });
        DossierChecks checks = new DossierChecks(mapping, rules, sync.provinceCode(), props.freshness(),
                period.portalTo(), catalogue, sink);
        DossierMerge merge;
        long pages;
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", period.from())
                .addValue("to", period.to());
        try (PortalPages portalPages = new PortalPages(portal, period, props.pageSize())) {
            merge = new DossierMerge(checks, portalPages);
            // Three threads overlap: this one reads the city's rows; the next maps them to the portal's form and
            // checks the portal's rules (DossierChecks.prepare, thread-safe); the last merges and compares.
            DossierMerge consumer = merge;
            try (BatchHandoff<DossierChecks.CityDossier> merging = new BatchHandoff<>("reconcile-merge",
                         HANDOFF_BATCH, HANDOFF_DEPTH, batch -> batch.forEach(consumer::accept));
                 BatchHandoff<Dossier> preparing = new BatchHandoff<>("reconcile-prepare",
                         HANDOFF_BATCH, HANDOFF_DEPTH, batch -> batch.forEach(d -> merging.add(checks.prepare(d))))) {
                CityReader.DossierRows rows = CityReader.dossierRows();
                readOnly.executeWithoutResult(tx -> city.query(sql, params, (RowCallbackHandler) rs -> {
                    Dossier d = rows.read(rs);
                    cityDossiers.accept(d);
                    preparing.add(d);
                }));
                preparing.finish();   // every batch prepared and handed to the merge (happens-before the next line)
                merging.finish();
            }
            merge.finish();
            pages = portalPages.pages();
        }
        checks.flush(facts);
        if (merge.portalWithoutKey() > 0) {
            log.warn("The portal listed {} dossier(s) without MaHoSo; they were skipped", merge.portalWithoutKey());
        }
        log.info("Dossier reconciliation of [{}, {}): {} city dossiers, {} portal dossiers in {} page(s), in {} ms; rows {}",
                period.from(), period.to(), merge.cityCount(), merge.portalCount(), pages,
                (System.nanoTime() - t0) / 1_000_000, checks.rowCounts());
    }
}
