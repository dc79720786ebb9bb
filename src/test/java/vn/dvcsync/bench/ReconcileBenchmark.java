package vn.dvcsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvcsync.GatewayApplication;
import vn.dvcsync.demo.DemoCityGenerator;
import vn.dvcsync.demo.DemoSpec;
import vn.dvcsync.demo.PortalSimulatorProcess;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.reconcile.ReconcilePeriod;
import vn.dvcsync.reconcile.ReconcileProperties;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * The reconciliation benchmark of issue #3. {@code main(N [defectShare])} prints one line:
 * {@code reconcile dossiers=N seconds=S per_second=R heap_peak_mb=M baseline_sql_seconds=B ratio=S/B}.
 *
 * <ol>
 * <li>Generates a demo city of N dossiers ({@link DemoCityGenerator}, 2% planted defects) in an embedded
 *     PostgreSQL.</li>
 * <li>Starts the portal simulator in a separate JVM ({@link PortalSimulatorProcess}, heap sized for N), which
 *     loads the portal's copy of the city (with the planted portal-side differences) from that PostgreSQL.</li>
 * <li>Starts the gateway (Spring, no web server, no schedule) pointed at the embedded PostgreSQL (city and store)
 *     and the child simulator, and copies the portal's dossiers ({@code DanhSachHoSo}) into
 *     {@code bench.portal_dossier}.</li>
 * <li>Times one {@code reconcile} run ({@link RunService#execute}): dossier reconciliation (city stream merged
 *     with the portal's pages), the applicants queued as the city streams by, procedure reconciliation, the
 *     applicant findings report (population look-ups disabled: {@code max-lookups-per-run=0}), the mismatch store
 *     (COPY, pricing, NEW/PERSISTING), the index estimate and the three report files. S is its wall time; M is
 *     the most heap in use at one moment during it ({@link HeapPeak}: the heap just before each collection).</li>
 * <li>Times B: one SQL full outer join of the city's dossiers (mapped to the portal's form in SQL) with
 *     {@code bench.portal_dossier}, comparing the same fields and counting the differences.</li>
 * </ol>
 * Everything but the line goes to standard error.
 */
public final class ReconcileBenchmark {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-pw";
    /** The portal-form fields compared, in the order of the columns of {@code bench.portal_dossier}. */
    static final List<String> FIELDS = List.of(
            "MaTTHC",
            "TenTTHC",
            "MaLinhVuc",
            "TenLinhVuc",
            "KenhThucHien",
            "ChuHoSo",
            "LoaiDoiTuong",
            "DinhDanhCHS",
            "SoDienThoai",
            "Email",
            "TrichYeuHoSo",
            "NgayNopHoSo",
            "NgayTiepNhan",
            "NgayHenTra",
            "NgayKetThucXuLy",
            "NgayTra",
            "MaDonViXuLy",
            "DonViXuLy",
            "DuocThanhToanTrucTuyen",
            "HoSoCoThanhPhanSoHoa",
            "TaiKhoanDuocXacThucVoiVNeID",
            "TrangThaiHoSo",
            "NgayCapNhat");

    /** What one benchmark measured. */
    record Result(
            long dossiers,
            double seconds,
            double heapPeakMb,
            double baselineSeconds,
            long mismatches,
            long baselineDifferences) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "reconcile dossiers=%d seconds=%.2f per_second=%d heap_peak_mb=%d baseline_sql_seconds=%.2f ratio=%.2f",
                    dossiers,
                    seconds,
                    Math.round(dossiers / seconds),
                    Math.round(heapPeakMb),
                    baselineSeconds,
                    seconds / baselineSeconds);
        }
    }

    private ReconcileBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        double defectShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.02;
        PrintStream out = System.out;
        System.setOut(System.err); // logs and progress to stderr: stdout carries the one line
        Result result = run(n, defectShare, Path.of("target", "bench"));
        out.println(result.line());
        out.flush();
        System.exit(0);
    }

    static Result run(int n, double defectShare, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(VIETNAM);
        // -Dbench.reuse=true keeps the database between runs of the same size, share and day (for profiling):
        // the city and the portal copy of the baseline are then made only once.
        boolean reuse = Boolean.getBoolean("bench.reuse");
        String dataSet = n + "-" + defectShare + "-" + today;
        Path dataDir = workDir.resolve(reuse ? "pg-" + dataSet : "pg").toAbsolutePath();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!reuse)
                .start()) {
            DataSource db = pg.getPostgresDatabase();
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            boolean ready = reuse && ready(db);
            if (!ready) {
                new DemoCityGenerator(db).generate(new DemoSpec(n, 20_250_101L, today, defectShare));
                progress("city of %d dossiers generated in %d s", n, secondsSince(t0));
            }

            // The simulator keeps every dossier's JSON (about 1.2 KB) in memory: room enough that its collector does
            // not slow the pages it serves (a portal under memory pressure would be timed, not the gateway).
            long portalHeapMb = 512 + (long) Math.ceil(n / 1_000_000.0 * 2000);
            try (PortalSimulatorProcess.Running child =
                    PortalSimulatorProcess.launch(jdbcUrl, USER, PASSWORD, portalHeapMb)) {
                String portalUrl = child.url();
                progress("portal simulator ready at %s after %d s", portalUrl, secondsSince(t0));
                try (ConfigurableApplicationContext app = gateway(jdbcUrl, portalUrl, workDir)) {
                    ReconcilePeriod period =
                            app.getBean(ReconcileProperties.class).period(java.time.Clock.systemUTC());
                    RunService runs = app.getBean(RunService.class);
                    if (!ready) {
                        long copied = copyPortal(db, app.getBean(PortalClient.class), period);
                        progress(
                                "%d portal dossiers copied into bench.portal_dossier after %d s",
                                copied, secondsSince(t0));
                    }
                    long first = System.nanoTime();
                    Run previous = runs.execute(RunType.RECONCILE);
                    progress(
                            "first (untimed) reconcile run %s %s in %.2f s: it queues every applicant of the"
                                    + " period afresh, as the incremental runs of a gateway in service already have",
                            previous.id(), previous.status(), (System.nanoTime() - first) / 1e9);
                    if (!ready) {
                        new org.springframework.jdbc.core.JdbcTemplate(db).execute("create table bench.ready ()");
                    }
                    System.gc();
                    long start;
                    Run run;
                    double seconds;
                    long peak;
                    try (HeapPeak heap = new HeapPeak()) {
                        start = System.nanoTime();
                        run = runs.execute(RunType.RECONCILE);
                        seconds = (System.nanoTime() - start) / 1e9;
                        peak = heap.bytes();
                    }
                    if (!"SUCCEEDED".equals(run.status())) {
                        throw new IllegalStateException("the reconcile run did not succeed: " + run);
                    }
                    long mismatches = new org.springframework.jdbc.core.JdbcTemplate(db)
                            .queryForObject("select count(*) from mismatch where run_id = ?", Long.class, run.id());
                    progress("reconcile run %s: %d mismatch rows in %.2f s", run.id(), mismatches, seconds);

                    long[] baseline = baseline(db, period);
                    double baselineSeconds = baseline[1] / 1e9;
                    progress("baseline full outer join: %d dossiers differ, in %.2f s", baseline[0], baselineSeconds);
                    return new Result(n, seconds, peak / (1024.0 * 1024.0), baselineSeconds, mismatches, baseline[0]);
                }
            }
        }
    }

    /** A reused database that a complete earlier run of the benchmark left ready. */
    private static boolean ready(DataSource db) {
        return Boolean.TRUE.equals(new org.springframework.jdbc.core.JdbcTemplate(db)
                .queryForObject("select to_regclass('bench.ready') is not null", Boolean.class));
    }

    // ---------------------------------------------------------------- the gateway

    static ConfigurableApplicationContext gateway(String jdbcUrl, String portalUrl, Path workDir) {
        return gateway(jdbcUrl, portalUrl, workDir, Map.of());
    }

    /** @param more further properties, over the benchmark's own */
    static ConfigurableApplicationContext gateway(
            String jdbcUrl, String portalUrl, Path workDir, Map<String, Object> more) {
        Map<String, Object> props = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("dvcsync.city.datasource.url", jdbcUrl),
                Map.entry("dvcsync.city.datasource.username", "postgres"),
                Map.entry("dvcsync.city.datasource.password", "postgres"),
                Map.entry("dvcsync.store.datasource.url", jdbcUrl),
                Map.entry("dvcsync.store.datasource.username", "postgres"),
                Map.entry("dvcsync.store.datasource.password", "postgres"),
                Map.entry("dvcsync.portal.url", portalUrl),
                Map.entry("dvcsync.portal.username", USER),
                Map.entry("dvcsync.portal.password", PASSWORD),
                Map.entry("dvcsync.portal.timeout", "60s"),
                // the untimed copy of the portal asks pages of 5,000 (the gateway's own pages:
                // dvcsync.reconcile.page-size)
                Map.entry("dvcsync.portal.max-reply-size", "80MB"),
                // a reconcile claims no ledger rows; the lease only has to outlast one call with its retries
                // (LeaseCheck)
                Map.entry("dvcsync.ledger.lease", "PT15M"),
                Map.entry("dvcsync.population.max-lookups-per-run", "0"),
                Map.entry("dvcsync.schedule.enabled", "false"),
                Map.entry(
                        "dvcsync.report-dir",
                        workDir.resolve("reports").toAbsolutePath().toString()),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("logging.level.vn.dvcsync", "INFO")));
        props.putAll(more);
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE)
                .properties(props)
                .run();
    }

    // ---------------------------------------------------------------- the baseline

    /** Copies the portal's dossiers of the period, as {@code DanhSachHoSo} lists them, into {@code bench.portal_dossier}. */
    private static long copyPortal(DataSource db, PortalClient portal, ReconcilePeriod period) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            StringBuilder ddl = new StringBuilder("drop schema if exists bench cascade; create schema bench;"
                    + " create table bench.portal_dossier (ma_ho_so text primary key");
            FIELDS.forEach(f -> ddl.append(", ").append(column(f)).append(" text"));
            s.execute(ddl.append(")").toString());
            s.execute("create table bench.status (city_code text primary key, portal_code text not null)");
            List<String> status = readLines(Path.of("mappings", "code-tables", "status.csv"));
            StringBuilder rows = new StringBuilder();
            status.stream()
                    .skip(1)
                    .map(l -> l.split(",", 3))
                    .forEach(v -> rows.append(v[0]).append(',').append(v[1]).append('\n'));
            copy(c, "bench.status (city_code, portal_code)", rows.toString());
            long copied = 0;
            String sau = null;
            do {
                PortalClient.DossierPage page = portal.listDossiers(period.portalFrom(), period.portalTo(), sau, 5000);
                StringBuilder csv = new StringBuilder(1 << 20);
                for (ObjectNode d : page.items()) {
                    csvValue(csv, d.path("MaHoSo").asText());
                    for (String f : FIELDS) {
                        csv.append(',');
                        JsonNode v = d.get(f);
                        if (v != null && !v.isNull()) {
                            csvValue(csv, v.isValueNode() ? v.asText() : v.toString());
                        }
                    }
                    csv.append('\n');
                }
                copy(c, "bench.portal_dossier", csv.toString());
                copied += page.items().size();
                sau = page.sau();
            } while (sau != null);
            s.execute("analyze bench.portal_dossier");
            return copied;
        }
    }

    /**
     * One full outer join of the city's dossiers of the period (with their procedure, unit and applicant, mapped
     * to the portal's form: Vietnam-time {@code yyyyMMddHHmmss}, status code table, flags "1"/"0") with the portal's
     * copy, comparing the fields the reconciler compares (and {@code NgayCapNhat} against the freshness window).
     *
     * @return {differing dossiers (missing, orphan or different), nanoseconds}
     */
    private static long[] baseline(DataSource db, ReconcilePeriod period) throws SQLException {
        String sql = """
                with c as (
                  select h.ma_ho_so, t.ma_tthc, t.ten as ten_tthc, t.ma_linh_vuc, t.ten_linh_vuc, h.kenh::text as kenh,
                         ch.ho_ten, ch.loai_doi_tuong::text as loai, ch.so_dinh_danh, ch.dien_thoai, ch.email,
                         h.trich_yeu, %s as ngay_nop, %s as ngay_tiep_nhan, %s as ngay_hen_tra,
                         %s as ngay_ket_thuc, %s as ngay_tra, d.ma_dinh_danh, d.ten as don_vi,
                         case when h.thanh_toan_truc_tuyen then '1' else '0' end as tt,
                         case when h.co_so_hoa then '1' else '0' end as sh,
                         case when h.xac_thuc_vneid then '1' else '0' end as vneid,
                         st.portal_code as trang_thai, %s as fresh_after
                  from city.ho_so h
                  left join city.thu_tuc t on t.id = h.thu_tuc_id
                  left join city.don_vi d on d.id = h.don_vi_id
                  left join city.chu_ho_so ch on ch.id = h.chu_ho_so_id
                  left join bench.status st on st.city_code = h.trang_thai
                  where h.ngay_tiep_nhan >= ? and h.ngay_tiep_nhan < ?
                )
                select count(*) filter (where c.ma_ho_so is null or p.ma_ho_so is null
                    or c.ma_tthc is distinct from p.ma_tthc or c.ten_tthc is distinct from p.ten_tthc
                    or c.ma_linh_vuc is distinct from p.ma_linh_vuc or c.ten_linh_vuc is distinct from p.ten_linh_vuc
                    or c.kenh is distinct from p.kenh_thuc_hien or c.ho_ten is distinct from p.chu_ho_so
                    or c.loai is distinct from p.loai_doi_tuong
                    or c.so_dinh_danh is distinct from (p.dinh_danh_chs::jsonb -> 0 ->> 'SoDinhDanh')
                    or c.dien_thoai is distinct from p.so_dien_thoai or c.email is distinct from p.email
                    or c.trich_yeu is distinct from p.trich_yeu_ho_so or c.ngay_nop is distinct from p.ngay_nop_ho_so
                    or c.ngay_tiep_nhan is distinct from p.ngay_tiep_nhan or c.ngay_hen_tra is distinct from p.ngay_hen_tra
                    or c.ngay_ket_thuc is distinct from p.ngay_ket_thuc_xu_ly or c.ngay_tra is distinct from p.ngay_tra
                    or c.ma_dinh_danh is distinct from p.ma_don_vi_xu_ly or c.don_vi is distinct from p.don_vi_xu_ly
                    or c.tt is distinct from p.duoc_thanh_toan_truc_tuyen
                    or c.sh is distinct from p.ho_so_co_thanh_phan_so_hoa
                    or c.vneid is distinct from p.tai_khoan_duoc_xac_thuc_voi_vneid
                    or c.trang_thai is distinct from p.trang_thai_ho_so
                    or p.ngay_cap_nhat is null or p.ngay_cap_nhat < c.fresh_after)
                from c full outer join bench.portal_dossier p on p.ma_ho_so = c.ma_ho_so
                """.formatted(
                        time("h.ngay_nop"),
                        time("h.ngay_tiep_nhan"),
                        time("h.ngay_hen_tra"),
                        time("h.ngay_ket_thuc_xu_ly"),
                        time("h.ngay_tra"),
                        time("h.cap_nhat_luc - interval '24 hours'"));
        try (Connection c = db.getConnection();
                var ps = c.prepareStatement(sql)) {
            ps.setObject(1, period.from());
            ps.setObject(2, period.to());
            long start = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long differing = rs.getLong(1);
                return new long[] {differing, System.nanoTime() - start};
            }
        }
    }

    static String time(String column) {
        return "to_char((" + column + ") at time zone 'Asia/Ho_Chi_Minh', 'YYYYMMDDHH24MISS')";
    }

    /** {@code MaDonViXuLy} → {@code ma_don_vi_xu_ly}, {@code TaiKhoanDuocXacThucVoiVNeID} → {@code ..._voi_vneid}. */
    static String column(String field) {
        return field.replace("VNeID", "Vneid")
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    private static void copy(Connection c, String table, String csv) throws SQLException {
        try {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " from stdin (format csv)", new StringReader(csv));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    private static void csvValue(StringBuilder csv, String v) {
        csv.append('"').append(v.replace("\"", "\"\"")).append('"');
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }

    static void progress(String format, Object... args) {
        System.err.printf(
                "[bench %s] %s%n",
                Instant.now().toString().substring(11, 19), String.format(Locale.ROOT, format, args));
    }
}
