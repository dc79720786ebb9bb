package vn.dvcsync.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.kernel.MappingsProperties;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.mapping.TextPolicy;
import vn.dvcsync.simulator.CatalogueEntry;
import vn.dvcsync.simulator.PortalSettings;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * A portal simulator in a process of its own, for the reconciliation benchmark: it reads the demo city generated
 * in the PostgreSQL at {@code args[0]} over JDBC, puts the portal's copy of it on the simulator with
 * {@link PortalHistory} (the sendable dossiers as {@link PortalMapping} makes them, keyset-paged, with the planted
 * portal-side differences), then prints {@code PORTAL_URL <base url>} and serves until its standard input closes.
 *
 * <p>Arguments: JDBC URL, portal user name, password. No rate limit, no latency. {@link #launch} starts one.
 */
public final class PortalSimulatorProcess {

    /** The line the benchmark waits for. */
    public static final String READY = "PORTAL_URL ";

    private PortalSimulatorProcess() {}

    /** A portal simulator process that is serving; closing it stops the process. */
    public record Running(Process process, String url) implements AutoCloseable {

        @Override
        public void close() throws IOException, InterruptedException {
            process.getOutputStream().close();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Starts a portal simulator process on the demo city at {@code jdbcUrl} (the test class path, a heap of
     * {@code heapMb}, warnings only, on standard error) and waits until it serves.
     */
    public static Running launch(String jdbcUrl, String username, String password, long heapMb)
            throws IOException, InterruptedException {
        return launch(jdbcUrl, username, password, heapMb, false);
    }

    /**
     * As {@link #launch(String, String, String, long)}; {@code withSteps}: the portal also holds the progress steps a
     * past sending left (each dossier's valid steps up to its copy's {@code NgayCapNhat}).
     */
    public static Running launch(String jdbcUrl, String username, String password, long heapMb, boolean withSteps)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx" + heapMb + "m",
                        "-XX:+UseParallelGC",
                        "-Dportal.steps=" + withSteps,
                        "-Dlogback.configurationFile=" + logbackQuiet(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PortalSimulatorProcess.class.getName(),
                        jdbcUrl,
                        username,
                        password)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith(READY)) {
                return new Running(child, line.substring(READY.length()).trim());
            }
            System.err.println("portal-child: " + line);
        }
        throw new IllegalStateException(
                "the portal simulator process ended before it was ready (exit " + child.waitFor() + ")");
    }

    /** A logback configuration for the child: warnings only, on standard error. */
    private static String logbackQuiet() throws IOException {
        Path file = Files.createTempFile("portal-child-logback", ".xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>portal-child %-5level %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="ERR"/></root>
                </configuration>
                """);
        file.toFile().deleteOnExit();
        return file.toString();
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        SingleConnectionDataSource ds = new SingleConnectionDataSource(jdbcUrl, "postgres", "postgres", true);
        PortalSimulator portal = new PortalSimulator(
                new PortalSettings(0, args[1], args[2], "H26", "000.00.00.H26", Clock.systemUTC(), 1L));
        portal.knobs().latency(0, 0).ratePerSecond(0);
        {
            CityReader city = new CityReader(ds, new MappingsProperties(Path.of("mappings")));
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            List<CatalogueEntry> catalogue = jdbc.query(
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
            portal.setCatalogue(catalogue);
            long t0 = System.nanoTime();
            new PortalHistory(
                            city,
                            PortalMapping.load(Path.of("mappings")),
                            new PortalRules(TextPolicy.load(Path.of("mappings"))),
                            new ProvinceProperties("H26", "000.00.00.H26"))
                    .load(portal, catalogue, jdbc, Boolean.getBoolean("portal.steps"));
            System.err.printf(
                    "portal simulator: %d dossiers loaded in %d s%n",
                    portal.dossierCount(), (System.nanoTime() - t0) / 1_000_000_000L);
        }
        ds.destroy();
        portal.start();
        System.out.println(READY + portal.baseUrl());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our standard input (or kills us)
        }
        portal.close();
    }
}
