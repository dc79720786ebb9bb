package vn.dvcsync.bench;

import static vn.dvcsync.bench.ReconcileBenchmark.progress;
import static vn.dvcsync.bench.ReconcileBenchmark.secondsSince;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.demo.DemoCityGenerator;
import vn.dvcsync.demo.DemoSpec;
import vn.dvcsync.demo.PortalSimulatorProcess;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.reconcile.ReconcileProperties;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * The first-contact benchmark of issue #14, on the reconciliation benchmark's data. {@code main(N [defectShare])}
 * prints one line: {@code adopt dossiers=N differing=D portal_calls=C dossier_writes=W seconds=S}.
 *
 * <ol>
 * <li>Generates the demo city of N dossiers ({@link DemoCityGenerator}, 2 % planted defects) in an embedded
 *     PostgreSQL, as {@link ReconcileBenchmark} does.</li>
 * <li>Starts the portal simulator in a separate JVM ({@link PortalSimulatorProcess}) holding the city's history: every
 *     sendable dossier with the planted portal-side differences, and each one's progress steps up to its copy's
 *     {@code NgayCapNhat}, as a previous integration would have left them.</li>
 * <li>Starts the gateway (empty ledger: it has never met these dossiers) and times its first {@code nightly} run
 *     ({@link RunService#execute}): the first comparison, the full extraction (adopting what the portal holds as
 *     the city does as it stages it), the healing (reopening the rest), the push, the comparison that is
 *     reported.</li>
 * </ol>
 * D is the answer key's count of dossiers the portal lacks or holds differently ({@code demo.portal_plant}: kinds
 * {@code MISSING}, {@code STATUS}, {@code STALE}, {@code FIELD}); C the HTTP requests the gateway sent the portal during
 * the run (logins and retries included); W the dossiers the portal took as creates or updates. Everything but the
 * line goes to standard error, with the calls per service and the goals.
 */
public final class AdoptBenchmark {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-pw";

    /** What one benchmark measured. */
    record Result(
            long dossiers,
            long differing,
            long portalCalls,
            long dossierWrites,
            double seconds,
            long stepCalls,
            int pageSize,
            long adopted) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "adopt dossiers=%d differing=%d portal_calls=%d dossier_writes=%d seconds=%.2f",
                    dossiers,
                    differing,
                    portalCalls,
                    dossierWrites,
                    seconds);
        }

        /** The call goal: 1.1 × (N / page size + D / 50 + the steps calls). */
        double callBound() {
            return 1.1 * ((double) dossiers / pageSize + differing / 50.0 + stepCalls);
        }
    }

    /** The nightly route's stages, in order ({@code routes/reconcile.camel.yaml}). */
    private static final java.util.List<String> STAGES = java.util.List.of("extract", "push", "compare-and-report");

    private AdoptBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        double defectShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.02;
        PrintStream out = System.out;
        System.setOut(System.err); // logs and progress to stderr: stdout carries the one line
        Result r = run(n, defectShare, Path.of("target", "bench-adopt"));
        progress(
                "goals: W == D: %s (W=%d, D=%d); C <= 1.1 x (N/page %d + D/50 + steps calls %d) = %.0f: %s (C=%d);"
                        + " %d dossiers adopted",
                r.dossierWrites() == r.differing(),
                r.dossierWrites(),
                r.differing(),
                r.pageSize(),
                r.stepCalls(),
                r.callBound(),
                r.portalCalls() <= r.callBound(),
                r.portalCalls(),
                r.adopted());
        out.println(r.line());
        out.flush();
        System.exit(0);
    }

    static Result run(int n, double defectShare, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(ReconcileBenchmark.VIETNAM);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("pg").toAbsolutePath())
                .setCleanDataDirectory(true)
                .start()) {
            DataSource db = pg.getPostgresDatabase();
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            new DemoCityGenerator(db).generate(new DemoSpec(n, 20_250_101L, today, defectShare));
            progress("city of %d dossiers generated in %d s", n, secondsSince(t0));
            JdbcTemplate sql = new JdbcTemplate(db);
            long differing = sql.queryForObject(
                    "select count(*) from demo.portal_plant where kind in ('MISSING', 'STATUS', 'STALE', 'FIELD')",
                    Long.class);

            // the dossiers' JSON and their past steps: room enough that the simulator's collector is not timed
            long portalHeapMb = 512 + (long) Math.ceil(n / 1_000_000.0 * 3500);
            try (PortalSimulatorProcess.Running child =
                    PortalSimulatorProcess.launch(jdbcUrl, USER, PASSWORD, portalHeapMb, true)) {
                progress("portal simulator (with past steps) ready at %s after %d s", child.url(), secondsSince(t0));
                try (ConfigurableApplicationContext app = ReconcileBenchmark.gateway(
                        jdbcUrl,
                        child.url(),
                        workDir,
                        Map.of(
                                // the route's own progress lines (extraction done, healing comparison done, ...)
                                "logging.level.run-nightly", "INFO",
                                "logging.level.push", "INFO",
                                "logging.level.compare-and-report", "INFO"))) {
                    PortalClient portal = app.getBean(PortalClient.class);
                    MeterRegistry meters = app.getBean(MeterRegistry.class);
                    RunService runs = app.getBean(RunService.class);
                    int pageSize = app.getBean(ReconcileProperties.class).pageSize();
                    Map<String, Double> before = callsPerService(meters);
                    long calls0 = portal.calls();
                    // the calls and the time at the end of each stage of the nightly route
                    Map<String, long[]> stages = new java.util.concurrent.ConcurrentHashMap<>();
                    app.getBean(org.apache.camel.CamelContext.class)
                            .getManagementStrategy()
                            .addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
                                @Override
                                public void notify(org.apache.camel.spi.CamelEvent event) {
                                    if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeSentEvent sent) {
                                        String uri = sent.getEndpoint().getEndpointUri();
                                        for (String stage : STAGES) {
                                            if (uri.equals("direct://" + stage)) {
                                                stages.put(stage, new long[] {portal.calls(), System.nanoTime()});
                                            }
                                        }
                                    }
                                }
                            });
                    System.gc();
                    long start = System.nanoTime();
                    Run nightly = runs.execute(RunType.NIGHTLY);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long calls = portal.calls() - calls0;
                    long[] last = {calls0, start};
                    for (String stage : STAGES) {
                        long[] end = stages.get(stage);
                        if (end != null) {
                            progress(
                                    "stage up to the end of %s: %.2f s, %d portal calls",
                                    stage, (end[1] - last[1]) / 1e9, end[0] - last[0]);
                            last = end;
                        }
                    }
                    if (!"SUCCEEDED".equals(nightly.status())) {
                        throw new IllegalStateException("the nightly run did not succeed: " + nightly);
                    }
                    Map<String, Double> after = callsPerService(meters);
                    Map<String, Long> perService = new TreeMap<>();
                    after.forEach((service, count) ->
                            perService.put(service, Math.round(count - before.getOrDefault(service, 0.0))));
                    progress("nightly %s in %.2f s; portal calls per service %s", nightly.id(), seconds, perService);
                    progress("run counts %s", new TreeMap<>(nightly.counts()));
                    long writes = count(nightly, "pushed.dossiers_created") + count(nightly, "pushed.dossiers_updated");
                    return new Result(
                            n,
                            differing,
                            calls,
                            writes,
                            seconds,
                            perService.getOrDefault("CapNhatTienDoHoSoMC", 0L),
                            pageSize,
                            count(nightly, "run.dossier.delivered.ADOPTED"));
                }
            }
        }
    }

    private static Map<String, Double> callsPerService(MeterRegistry meters) {
        Map<String, Double> calls = new TreeMap<>();
        for (Counter c : meters.find("dvcsync.portal.calls").counters()) {
            calls.merge(c.getId().getTag("service"), c.count(), Double::sum);
        }
        return calls;
    }

    private static long count(Run run, String key) {
        return run.counts().get(key) instanceof Number v ? v.longValue() : 0L;
    }
}
