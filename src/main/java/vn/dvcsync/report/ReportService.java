package vn.dvcsync.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import vn.dvcsync.index.IndexEstimates;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.index.IndexReport;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.kernel.UnitScope;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.reconcile.IndexFacts;

/**
 * A run's report files under {@code <dvcsync.report-dir>/<run-id>/}: {@code mismatches.csv},
 * {@code mismatches.xlsx} and {@code summary.json}, written from the store's rows (streamed). Each file is
 * written aside and then moved in place, so a reader never sees half a file.
 *
 * <p>The report of a user bound to units ({@link UnitScope#current()}) holds their units' rows only: it is written
 * on first request under {@code <run-id>/scoped/<key of the units>/} and kept there; the run's own report (every unit)
 * is what the run writes, whoever is logged in.
 */
@Service
public class ReportService {

    public static final String CSV = "mismatches.csv";
    public static final String XLSX = "mismatches.xlsx";
    public static final String SUMMARY = "summary.json";
    private static final String SCOPED = "scoped";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final MismatchStore store;
    private final IndexEstimates estimates;
    private final IndexModel model;
    private final Path reportDir;
    private final Clock clock;
    private final XlsxReport xlsx;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Autowired
    public ReportService(
            MismatchStore store,
            IndexEstimates estimates,
            IndexModel model,
            @Value("${dvcsync.report-dir:./reports}") Path reportDir) {
        this(store, estimates, model, reportDir, Clock.systemUTC(), new XlsxReport());
    }

    ReportService(
            MismatchStore store,
            IndexEstimates estimates,
            IndexModel model,
            Path reportDir,
            Clock clock,
            XlsxReport xlsx) {
        this.store = store;
        this.estimates = estimates;
        this.model = model;
        this.reportDir = reportDir;
        this.clock = clock;
        this.xlsx = xlsx;
    }

    /**
     * What a reconcile calls at its end, after closing its {@link MismatchWriter}: stores the index
     * estimate from the facts and writes the three files.
     *
     * @param runType {@code reconcile} or {@code nightly}
     * @param from    start of the period compared (dossiers received from)
     * @param to      end of the period compared
     * @return the run's report directory
     */
    public Path write(String runId, String runType, OffsetDateTime from, OffsetDateTime to, IndexFacts facts) {
        estimates.save(runId, model.estimateAll(facts));
        writeCsv(runId, UnitScope.ALL);
        writeXlsx(runId, UnitScope.ALL);
        FileSystemUtils.deleteRecursively(directory(runId).resolve(SCOPED).toFile()); // of the rows as they were
        writeSummary(runId, runType, from, to);
        return directory(runId);
    }

    /**
     * The run's CSV report in the logged-in user's scope, written from the store first if it is not there (a run
     * before reports, say, or the first request of a user bound to units).
     */
    public Path csv(String runId) {
        UnitScope scope = UnitScope.current();
        Path file = directory(runId, scope).resolve(CSV);
        return Files.exists(file) ? file : writeCsv(runId, scope);
    }

    /** The run's XLSX report in the logged-in user's scope, written from the store first if it is not there. */
    public Path xlsx(String runId) {
        UnitScope scope = UnitScope.current();
        Path file = directory(runId, scope).resolve(XLSX);
        return Files.exists(file) ? file : writeXlsx(runId, scope);
    }

    /** {@code <dvcsync.report-dir>/<run-id>}; a run id that could leave that directory is refused. */
    public Path directory(String runId) {
        if (runId == null || !SAFE_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("Not a run id: " + runId);
        }
        return reportDir.resolve(runId);
    }

    /** Where the report of {@code scope} goes: the run's directory for every unit, a folder of its own else. */
    private Path directory(String runId, UnitScope scope) {
        return scope.all() ? directory(runId) : directory(runId).resolve(SCOPED).resolve(key(scope));
    }

    /** A name for a set of units that any unit code makes safe as a folder name. */
    private static String key(UnitScope scope) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", scope.units()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private Path writeCsv(String runId, UnitScope scope) {
        return atomically(
                directory(runId, scope).resolve(CSV),
                out -> CsvReport.write(out, each -> store.forEach(runId, scope, each)));
    }

    private Path writeXlsx(String runId, UnitScope scope) {
        return atomically(
                directory(runId, scope).resolve(XLSX),
                out -> xlsx.write(
                        out,
                        store.totals(runId, MismatchStore.By.UNIT_AND_CATEGORY, scope),
                        each -> store.forEach(runId, scope, each),
                        each -> store.forEachResolved(runId, scope, each)));
    }

    private Path writeSummary(String runId, String runType, OffsetDateTime from, OffsetDateTime to) {
        Map<String, Object> categories = new LinkedHashMap<>();
        Category.names().forEach(c -> categories.put(c, count(0, 0)));
        long rows = 0;
        for (Total t : store.totals(runId, MismatchStore.By.CATEGORY, UnitScope.ALL)) {
            categories.put(t.category(), count(t.count(), t.impactPoints()));
            rows += t.count();
        }
        Changes changes = store.changes(runId, UnitScope.ALL);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", vietnam(from));
        period.put("to", vietnam(to));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", runId);
        summary.put("type", runType);
        summary.put("period", period);
        summary.put("generatedAt", vietnam(OffsetDateTime.now(clock)));
        summary.put("mismatches", rows);
        summary.put("categories", categories);
        summary.put("previousRunId", changes.previousRunId());
        Map<String, Long> changeCounts = new LinkedHashMap<>();
        changeCounts.put("NEW", changes.newCount());
        changeCounts.put("PERSISTING", changes.persisting());
        changeCounts.put("RESOLVED", changes.resolved());
        summary.put("changes", changeCounts);
        summary.put("units", store.totals(runId, MismatchStore.By.UNIT, UnitScope.ALL));
        IndexReport index = estimates.of(runId, UnitScope.ALL).orElse(new IndexReport(runId, List.of(), List.of()));
        Map<String, Object> estimate = new LinkedHashMap<>();
        estimate.put("province", index.province());
        estimate.put("units", index.units());
        summary.put("index", estimate);
        return atomically(directory(runId).resolve(SUMMARY), out -> json.writeValue(out, summary));
    }

    /**
     * {@code summary.json} of a run that compared nothing (incremental, replay): what it did, for a script to read.
     */
    public Path writeRunSummary(String runId, String runType, String status, Map<String, Object> counts, String error) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", runId);
        summary.put("type", runType);
        summary.put("status", status);
        summary.put("finishedAt", vietnam(OffsetDateTime.now(clock)));
        summary.put("error", error);
        summary.put("counts", counts);
        return atomically(directory(runId).resolve(SUMMARY), out -> json.writeValue(out, summary));
    }

    private static Map<String, Object> count(long count, double impactPoints) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("impactPoints", impactPoints);
        return m;
    }

    private static OffsetDateTime vietnam(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Vietnam.ZONE).toOffsetDateTime();
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Path atomically(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    content.writeTo(out);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
