package vn.dvcsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.demo.DemoCityGenerator;
import vn.dvcsync.demo.DemoSpec;
import vn.dvcsync.demo.PortalSimulatorProcess;
import vn.dvcsync.simulator.Citizen;
import vn.dvcsync.simulator.PopulationSettings;
import vn.dvcsync.simulator.PopulationSimulator;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * issue #3, "done when": {@code --dvcsync.run-once=reconcile} on embedded defaults exits 0 and reports every planted
 * category; the same run pointed at external systems by the {@code DVCSYNC_*} environment variables (a city database,
 * a store database, a portal and a population service, each outside the gateway's process) reports the same rows.
 * Both gateways are separate JVMs started from the project directory with the same settings but the systems.
 */
class ReconcileAgainstExternalSystemsTest {

    private static final int DOSSIERS = 600;
    private static final long SEED = 766;
    private static final double DEFECT_SHARE = 0.03;
    private static final List<String> CATEGORIES = List.of(
            "DOSSIER_MISSING_ON_PORTAL",
            "DOSSIER_ORPHAN_ON_PORTAL",
            "DOSSIER_STATUS_MISMATCH",
            "DOSSIER_STALE",
            "DOSSIER_FIELD_MISMATCH",
            "DOSSIER_INVALID",
            "PROCEDURE_NOT_PUBLIC",
            "PROCEDURE_PUBLIC_LATE",
            "PROCEDURE_UNKNOWN",
            "APPLICANT_NOT_FOUND",
            "APPLICANT_DATA_MISMATCH");

    @Test
    void theRunOnExternalSystemsReportsTheRowsOfTheRunOnEmbeddedDefaults() throws Exception {
        Path reports = Files.createDirectories(Path.of("target", "external-systems"))
                .resolve(Long.toString(System.currentTimeMillis()));

        Map<String, String> embedded = settings(reports.resolve("embedded"));
        embedded.put("dvcsync.demo.dossiers", Integer.toString(DOSSIERS));
        embedded.put("dvcsync.demo.seed", Long.toString(SEED));
        embedded.put("dvcsync.demo.defect-share", Double.toString(DEFECT_SHARE));
        try (GatewayProcess gateway = GatewayProcess.start("reconcile-embedded", embedded)) {
            assertThat(gateway.waitForExit(Duration.ofMinutes(3)))
                    .as("exit code; log " + gateway.logFile())
                    .isZero();
        }
        List<String> embeddedRows = rows(reports.resolve("embedded"));
        assertThat(embeddedRows.stream().map(r -> r.split(",", 2)[0]).distinct())
                .as("every planted category is reported")
                .containsExactlyInAnyOrderElementsOf(CATEGORIES);

        // the city and the store in databases of the tests' PostgreSQL, a process outside the gateway's JVM
        TestPostgres.Database cityDb = TestPostgres.create("external_city");
        TestPostgres.Database storeDb = TestPostgres.create("external_store");
        {
            JdbcTemplate city = cityDb.jdbc();
            new DemoCityGenerator(cityDb.dataSource())
                    .generate(new DemoSpec(DOSSIERS, SEED, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), DEFECT_SHARE));
            PopulationSimulator population = new PopulationSimulator(new PopulationSettings(
                    0,
                    "gw-population",
                    "population-secret",
                    "population-key",
                    "VN/GOV/000.00.00.H26/DVCSYNC",
                    Clock.systemUTC(),
                    1L));
            population.knobs().latency(0, 0).ratePerSecond(0);
            population.putCitizens(city.query(
                    "select so_dinh_danh, ho, chu_dem, ten, gioi_tinh, ngay_thang_nam" + " from demo.citizen",
                    (rs, n) -> new Citizen(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6))));
            population.start();
            String cityUrl = cityDb.jdbcUrl();
            try (population;
                    PortalSimulatorProcess.Running portal =
                            PortalSimulatorProcess.launch(cityUrl, "gw-portal", "portal-secret", 384)) {
                Map<String, String> env = new LinkedHashMap<>();
                env.put("DVCSYNC_CITY_DATASOURCE_URL", cityUrl);
                env.put("DVCSYNC_CITY_DATASOURCE_USERNAME", "postgres");
                env.put("DVCSYNC_CITY_DATASOURCE_PASSWORD", "postgres");
                env.put("DVCSYNC_STORE_DATASOURCE_URL", storeDb.jdbcUrl());
                env.put("DVCSYNC_STORE_DATASOURCE_USERNAME", "postgres");
                env.put("DVCSYNC_STORE_DATASOURCE_PASSWORD", "postgres");
                env.put("DVCSYNC_PORTAL_URL", portal.url());
                env.put("DVCSYNC_PORTAL_USERNAME", "gw-portal");
                env.put("DVCSYNC_PORTAL_PASSWORD", "portal-secret");
                env.put("DVCSYNC_POPULATION_URL", population.baseUrl());
                env.put("DVCSYNC_POPULATION_USERNAME", "gw-population");
                env.put("DVCSYNC_POPULATION_SECRET", "population-secret");
                env.put("DVCSYNC_POPULATION_API_KEY", "population-key");
                env.put("DVCSYNC_POPULATION_X_ROAD_CLIENT", "VN/GOV/000.00.00.H26/DVCSYNC");
                try (GatewayProcess gateway =
                        GatewayProcess.start("reconcile-external", settings(reports.resolve("external")), env)) {
                    assertThat(gateway.waitForExit(Duration.ofMinutes(3)))
                            .as("exit code; log " + gateway.logFile())
                            .isZero();
                    assertThat(gateway.log())
                            .as("no simulator inside the gateway")
                            .doesNotContain("Portal simulator listening", "Population simulator listening");
                }
            }
        }
        assertThat(rows(reports.resolve("external"))).containsExactlyElementsOf(embeddedRows);
    }

    /** The settings both runs share: one reconcile run, every applicant verified, a period holding the whole demo. */
    private static Map<String, String> settings(Path reportDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", "test");
        p.put("dvcsync.run-once", "reconcile");
        p.put("dvcsync.reconcile.days", "3650"); // no dossier near the period's start, which moves with the clock
        p.put("dvcsync.report-dir", reportDir.toAbsolutePath().toString());
        return p;
    }

    /** The rows of the run's mismatches.csv without run_id and detected_at, sorted. */
    private static List<String> rows(Path reportDir) throws IOException {
        Path run;
        try (Stream<Path> runs = Files.list(reportDir)) {
            List<Path> all = runs.toList();
            assertThat(all).as("one run's report folder in " + reportDir).hasSize(1);
            run = all.get(0);
        }
        List<String> lines = Files.readAllLines(run.resolve("mismatches.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo("\uFEFFrun_id,category,record_type,record_key,unit_code,unit_name,field,"
                        + "city_value,portal_value,impact_points,detected_at");
        return lines.stream()
                .skip(1)
                .map(line -> {
                    String[] cells = line.split(",", -1);
                    // run_id first and detected_at last hold no comma; the cells between are compared as written
                    return String.join(",", Arrays.copyOfRange(cells, 1, cells.length - 1));
                })
                .sorted()
                .toList();
    }
}
