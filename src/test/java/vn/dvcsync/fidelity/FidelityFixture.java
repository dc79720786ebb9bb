package vn.dvcsync.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.dvcsync.simulator.CatalogueEntry;
import vn.dvcsync.simulator.Citizen;
import vn.dvcsync.simulator.PopulationSimulator;
import vn.dvcsync.simulator.PortalSimulator;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * The second, independent data set of issue 8 (item 7): {@code src/test/resources/fidelity/}, written from
 * {@code ../shared/contracts/} alone by {@code generate.py} (city, catalogue, population, portal copy), with answer
 * keys typed by hand ({@code answer-key.csv}, {@code withheld.csv}). This class loads it: the city into a database of
 * the tests' PostgreSQL (the gateway reads it through {@code dvcsync.city.datasource.*}, so no demo city runs), the
 * catalogue and the population register into the built-in simulators.
 */
final class FidelityFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    private static TestPostgres.Database city;

    private FidelityFixture() {}

    /** The fixture's city in a database of its own, loaded once per JVM (the gateway only reads it). */
    static synchronized TestPostgres.Database city() {
        if (city == null) {
            TestPostgres.Database db = TestPostgres.create("fidelity_city");
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute(text("city.sql"));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot load fidelity/city.sql: " + e.getMessage(), e);
            }
            city = db;
        }
        return city;
    }

    /** Points the gateway at the fixture's city, with a period holding all of 2025-2026 and none of 2012. */
    static void properties(DynamicPropertyRegistry registry, String reportDir) {
        TestPostgres.Database db = city();
        registry.add("dvcsync.city.datasource.url", db::jdbcUrl);
        registry.add("dvcsync.city.datasource.username", () -> "postgres");
        registry.add("dvcsync.city.datasource.password", () -> "postgres");
        registry.add("dvcsync.reconcile.days", () -> "3650");
        registry.add("dvcsync.report-dir", () -> reportDir);
    }

    /** Gives the simulators the national side of the fixture: the catalogue and the population register. */
    static void seed(PortalSimulator portal, PopulationSimulator population) {
        List<CatalogueEntry> catalogue = new ArrayList<>();
        for (JsonNode e : json("catalogue.json")) {
            JsonNode since = e.get("NgayCongKhai");
            catalogue.add(new CatalogueEntry(
                    e.get("MaTTHC").asText(),
                    e.get("TenTTHC").asText(),
                    e.get("MaLinhVuc").asText(),
                    e.get("TenLinhVuc").asText(),
                    "1".equals(e.get("CongKhai").asText()),
                    since == null || since.isNull()
                            ? null
                            : LocalDate.parse(since.asText(), DateTimeFormatter.BASIC_ISO_DATE)));
        }
        portal.setCatalogue(catalogue);
        List<Citizen> people = new ArrayList<>();
        for (JsonNode p : json("population.json")) {
            people.add(new Citizen(
                    p.get("soDinhDanh").asText(),
                    p.get("ho").asText(),
                    p.get("chuDem").asText(),
                    p.get("ten").asText(),
                    p.get("gioiTinh").asInt(),
                    p.get("ngayThangNam").asText()));
        }
        population.putCitizens(people);
    }

    /** Every ID number of the population register. */
    static List<String> idNumbers() {
        List<String> ids = new ArrayList<>();
        json("population.json").forEach(p -> ids.add(p.get("soDinhDanh").asText()));
        return ids;
    }

    /** The portal's copy for the reconciliation (no SoDienThoai/Email, planted differences). */
    static List<ObjectNode> portalCopy() {
        List<ObjectNode> copy = new ArrayList<>();
        json("portal-copy.json").forEach(n -> copy.add((ObjectNode) n));
        return copy;
    }

    /** What a faithful push puts on the portal, by MaHoSo (generate.py's reading of portal-api.md). */
    static Map<String, ObjectNode> portalExpected() {
        Map<String, ObjectNode> byCode = new LinkedHashMap<>();
        json("portal-expected.json").forEach(n -> byCode.put(n.get("MaHoSo").asText(), (ObjectNode) n));
        return byCode;
    }

    /** The progress steps a faithful push puts on the portal, by MaHoSo. */
    static JsonNode stepsExpected() {
        return json("steps-expected.json");
    }

    /** A hand-written key's data lines (comments and blank lines skipped), as CSV cells. */
    static List<List<String>> key(String name) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : Csv.parse(text(name))) {
            if (row.isEmpty() || row.get(0).isBlank() || row.get(0).startsWith("#")) {
                continue;
            }
            rows.add(row);
        }
        return rows;
    }

    /** gateway.md's name comparison: Unicode NFC, case folding, white space collapsed. */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .strip()
                .replaceAll("\\s+", " ");
    }

    /**
     * Precision and recall of {@code found} against {@code expected}, per category, printed as a table with the
     * items in excess and missing; returns the categories that are not 1.0 / 1.0.
     */
    static List<String> score(String title, Map<String, Set<String>> expected, Map<String, Set<String>> found) {
        Set<String> categories = new TreeSet<>(expected.keySet());
        categories.addAll(found.keySet());
        List<String> failing = new ArrayList<>();
        StringBuilder out = new StringBuilder("\n" + title + "\n");
        out.append(String.format(
                "%-28s %8s %8s %6s %9s %7s%n", "category", "expected", "found", "right", "precision", "recall"));
        for (String category : categories) {
            Set<String> e = expected.getOrDefault(category, Set.of());
            Set<String> f = found.getOrDefault(category, Set.of());
            Set<String> right = new LinkedHashSet<>(f);
            right.retainAll(e);
            double precision = f.isEmpty() ? (e.isEmpty() ? 1.0 : 0.0) : (double) right.size() / f.size();
            double recall = e.isEmpty() ? (f.isEmpty() ? 1.0 : 0.0) : (double) right.size() / e.size();
            out.append(String.format(
                    Locale.ROOT,
                    "%-28s %8d %8d %6d %9.3f %7.3f%n",
                    category,
                    e.size(),
                    f.size(),
                    right.size(),
                    precision,
                    recall));
            if (precision < 1.0 || recall < 1.0) {
                failing.add(category);
                Set<String> excess = new TreeSet<>(f);
                excess.removeAll(e);
                Set<String> missed = new TreeSet<>(e);
                missed.removeAll(f);
                out.append("    not expected: ").append(first(excess)).append('\n');
                out.append("    not found:    ").append(first(missed)).append('\n');
            }
        }
        System.out.println(out);
        return failing;
    }

    private static String first(Set<String> items) {
        List<String> list = new ArrayList<>(items);
        return list.size() <= 12 ? list.toString() : list.subList(0, 12) + " ... (" + list.size() + ")";
    }

    private static JsonNode json(String name) {
        try {
            return JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fidelity/" + name, e);
        }
    }

    static String text(String name) {
        try (InputStream in = FidelityFixture.class.getResourceAsStream("/fidelity/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource fidelity/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fidelity/" + name, e);
        }
    }

    /** RFC 4180 CSV: quoted cells may hold commas, quotes (doubled) and line breaks. */
    static final class Csv {

        private Csv() {}

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int i = text.startsWith("\uFEFF") ? 1 : 0;
            for (; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(ch);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
