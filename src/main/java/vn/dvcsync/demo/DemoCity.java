package vn.dvcsync.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.simulator.CatalogueEntry;
import vn.dvcsync.simulator.Citizen;
import vn.dvcsync.simulator.PopulationSimulator;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The demo city on embedded defaults: generated into the embedded PostgreSQL on first start (kept
 * across restarts), and the national side of it (procedure catalogue, population registry) handed
 * to the simulators that run.
 */
@Component
@ConditionalOnExpression("'${dvcsync.city.datasource.url:}'.isBlank()")
public class DemoCity {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    private final DataSource writable;

    DemoCity(
            EmbeddedPostgres pg,
            DemoProperties props,
            ObjectProvider<PortalSimulator> portal,
            ObjectProvider<PopulationSimulator> population,
            PortalHistory history) {
        this.writable = pg.getPostgresDatabase();
        if (DemoCityGenerator.isGenerated(writable)) {
            log.info("Demo city already generated in the embedded PostgreSQL: keeping it");
        } else {
            LocalDate anchor = props.anchor() != null ? props.anchor() : LocalDate.now(Vietnam.ZONE);
            long t0 = System.nanoTime();
            DemoSummary summary = new DemoCityGenerator(writable)
                    .generate(new DemoSpec(props.dossiers(), props.seed(), anchor, props.defectShare()));
            log.info("Demo city generated in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, summary);
        }
        JdbcTemplate jdbc = new JdbcTemplate(writable);
        portal.ifAvailable(sim -> {
            List<CatalogueEntry> catalogue = catalogue(jdbc);
            sim.setCatalogue(catalogue);
            if (props.portalHistory()) {
                history.load(sim, catalogue, jdbc, true);
            }
        });
        population.ifAvailable(sim -> sim.putCitizens(citizens(jdbc)));
    }

    /** The answer key: the defects planted in the demo city. */
    public List<PlantedDefect> planted() {
        return new JdbcTemplate(writable)
                .query(
                        "select category, record_type, record_key, coalesce(field, '') as field from demo.planted",
                        (rs, n) ->
                                new PlantedDefect(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** A writable connection to the demo city, for tests and benchmarks that change it. */
    public DataSource writableDataSource() {
        return writable;
    }

    private static List<CatalogueEntry> catalogue(JdbcTemplate jdbc) {
        return jdbc.query(
                """
                select ma_tthc, ten_tthc, ma_linh_vuc, ten_linh_vuc, cong_khai, ngay_cong_khai from demo.catalogue
                """,
                (rs, n) -> new CatalogueEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getObject(6, LocalDate.class)));
    }

    private static List<Citizen> citizens(JdbcTemplate jdbc) {
        return jdbc.query(
                """
                select so_dinh_danh, ho, chu_dem, ten, gioi_tinh, ngay_thang_nam from demo.citizen
                """,
                (rs, n) -> new Citizen(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6)));
    }

    /** One planted defect: what reconciliation and verification must find. */
    public record PlantedDefect(String category, String recordType, String recordKey, String field) {}
}
