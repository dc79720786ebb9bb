package vn.dvcsync.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;

/**
 * The service index as the gateway estimates it ({@code mappings/index-model.yaml}, contract index-model.md):
 * groups of weighted ratios of {@link IndexFacts} metrics, each computed from the city's data and from the
 * portal's copy, and the impact in points of fixing one mismatch.
 *
 * <p>Impact: for each ratio a mismatch's record is on the failing side of (the ratio lists the mismatch's
 * category in {@code fixed_by}), the province-wide change of the group score when one record moves to the
 * passing side: {@code points × 1 ÷ province denominator}, scaled like the group (see {@link #estimate}),
 * and 0 once the portal's numerator has reached the city's. Ratios are numbered in file order; a set of
 * ratios is a bit mask ({@link #ratiosFixedBy}), which lets a report give each ratio of a record to one row
 * only (see {@code MismatchStore}).
 */
public final class IndexModel {

    /** Ratios per model: a set of ratios is a {@code long} bit mask. */
    public static final int MAX_RATIOS = 63;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> METRICS = metrics();
    private static final List<String> GROUP_KEYS = List.of("name", "max", "ratios");
    private static final List<String> RATIO_KEYS = List.of("points", "denominator", "city", "portal", "fixed_by");

    /** {@code CATEGORY}, {@code CATEGORY/FIELD} or {@code CATEGORY/FIELD=cityValue}. */
    private record Fixer(String category, String field, String cityValue) {

        boolean matches(Mismatch m) {
            return category.equals(m.category())
                    && (field == null || field.equals(m.field()))
                    && (cityValue == null
                            || (m.cityValue() != null
                                    && cityValue.equals(m.cityValue().strip())));
        }
    }

    private record Ratio(
            String id, double points, String denominator, String city, String portal, List<Fixer> fixedBy) {}

    private record Group(String id, String name, double max, List<Ratio> ratios) {}

    private final List<Group> groups;
    private final List<Ratio> ratios = new ArrayList<>();
    private final List<Group> groupOfRatio = new ArrayList<>();

    private IndexModel(List<Group> groups) {
        this.groups = List.copyOf(groups);
        for (Group g : groups) {
            for (Ratio r : g.ratios()) {
                ratios.add(r);
                groupOfRatio.add(g);
            }
        }
    }

    /**
     * Reads and checks the model; a mistake stops with the file and the key named
     * ({@code index-model.yaml: publicity.ratios.x.denominator: unknown metric 'y'}).
     */
    public static IndexModel load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(file + ": file not found", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalStateException(file + ": expected a map of index groups (key: {name, max, ratios})");
        }
        List<Group> groups = new ArrayList<>();
        int ratioCount = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Group g = group(file, e.getKey(), e.getValue());
            ratioCount += g.ratios().size();
            groups.add(g);
        }
        if (ratioCount > MAX_RATIOS) {
            throw new IllegalStateException(file + ": " + ratioCount + " ratios, at most " + MAX_RATIOS + " allowed");
        }
        return new IndexModel(groups);
    }

    private static Group group(Path file, String key, JsonNode node) {
        keys(file, key, node, GROUP_KEYS);
        String name = text(file, key + ".name", node.get("name"));
        double max = positive(file, key + ".max", node.get("max"));
        JsonNode ratioNodes = node.get("ratios");
        if (ratioNodes == null || !ratioNodes.isObject() || ratioNodes.isEmpty()) {
            throw error(
                    file,
                    key + ".ratios",
                    "expected a map of ratios (key: {points, denominator, city, portal, fixed_by})");
        }
        List<Ratio> ratios = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ratioNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ratios.add(ratio(file, key + ".ratios." + e.getKey(), e.getKey(), e.getValue()));
        }
        double sum = ratios.stream().mapToDouble(Ratio::points).sum();
        if (Math.abs(sum - max) > 1e-9) {
            throw error(file, key, "the points of its ratios add up to " + sum + ", not to max " + max);
        }
        return new Group(key, name, max, ratios);
    }

    private static Ratio ratio(Path file, String path, String id, JsonNode node) {
        keys(file, path, node, RATIO_KEYS);
        double points = positive(file, path + ".points", node.get("points"));
        String denominator = metric(file, path + ".denominator", node.get("denominator"));
        String city = metric(file, path + ".city", node.get("city"));
        String portal = metric(file, path + ".portal", node.get("portal"));
        List<Fixer> fixers = new ArrayList<>();
        JsonNode list = node.get("fixed_by");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw error(
                        file,
                        path + ".fixed_by",
                        "expected a list of CATEGORY, CATEGORY/FIELD or CATEGORY/FIELD=value");
            }
            for (int i = 0; i < list.size(); i++) {
                fixers.add(fixer(file, path + ".fixed_by[" + i + "]", list.get(i)));
            }
        }
        return new Ratio(id, points, denominator, city, portal, List.copyOf(fixers));
    }

    private static Fixer fixer(Path file, String path, JsonNode node) {
        String s = text(file, path, node);
        String value = null;
        int eq = s.indexOf('=');
        if (eq >= 0) {
            value = s.substring(eq + 1).strip();
            s = s.substring(0, eq);
        }
        String field = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            field = s.substring(slash + 1).strip();
            s = s.substring(0, slash);
        }
        String category = s.strip();
        if (!Category.known(category)) {
            throw error(
                    file,
                    path,
                    "unknown category '" + category + "' (known: " + String.join(", ", Category.names()) + ")");
        }
        if ((field != null && field.isEmpty()) || (value != null && (field == null || value.isEmpty()))) {
            throw error(
                    file,
                    path,
                    "expected CATEGORY, CATEGORY/FIELD or CATEGORY/FIELD=value, not '" + node.asText() + "'");
        }
        return new Fixer(category, field, value);
    }

    private static void keys(Path file, String path, JsonNode node, List<String> allowed) {
        if (node == null || !node.isObject()) {
            throw error(file, path, "expected a map with " + String.join(", ", allowed));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw error(file, path, "unknown key '" + name + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static String text(Path file, String path, JsonNode node) {
        if (node == null
                || node.isNull()
                || !node.isValueNode()
                || node.asText().isBlank()) {
            throw error(file, path, "missing or not a single non-empty value");
        }
        return node.asText().strip();
    }

    private static double positive(Path file, String path, JsonNode node) {
        if (node == null || !node.isNumber() || !(node.asDouble() > 0)) {
            throw error(file, path, "expected a number greater than 0");
        }
        return node.asDouble();
    }

    private static String metric(Path file, String path, JsonNode node) {
        String m = text(file, path, node);
        if (!METRICS.contains(m)) {
            throw error(file, path, "unknown metric '" + m + "' (known: " + String.join(", ", METRICS) + ")");
        }
        return m;
    }

    private static IllegalStateException error(Path file, String path, String problem) {
        return new IllegalStateException(file + ": " + path + ": " + problem);
    }

    /** The metric names IndexFacts declares (its public String constants). */
    private static Set<String> metrics() {
        Set<String> names = new TreeSet<>();
        for (Field f : IndexFacts.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /**
     * The groups for one unit ({@code ""}: province-wide, from the totals of all units), city view and
     * portal view. A group's score is {@code max × Σ points·min(1, numerator ÷ denominator) ÷ Σ points}
     * over its ratios whose denominator is not 0; null when there are none.
     */
    public List<GroupScore> estimate(IndexFacts facts, String unitCode) {
        String unit = unitCode == null ? "" : unitCode;
        ToLongFunction<String> count = unit.isEmpty() ? facts::total : m -> facts.get(unit, m);
        String unitName = unit.isEmpty() ? "" : facts.unitName(unit);
        return groups.stream()
                .map(g -> new GroupScore(
                        unit,
                        unitName,
                        g.id(),
                        g.name(),
                        g.max(),
                        score(g, count, Ratio::city),
                        score(g, count, Ratio::portal)))
                .toList();
    }

    /** Province-wide first, then each unit of the facts (the unit {@code ""} is only in the province-wide). */
    public List<GroupScore> estimateAll(IndexFacts facts) {
        List<GroupScore> all = new ArrayList<>(estimate(facts, ""));
        for (String unit : facts.units()) {
            if (!unit.isEmpty()) {
                all.addAll(estimate(facts, unit));
            }
        }
        return all;
    }

    private static Double score(Group g, ToLongFunction<String> count, Function<Ratio, String> numerator) {
        double points = 0;
        double sum = 0;
        for (Ratio r : g.ratios()) {
            long den = count.applyAsLong(r.denominator());
            if (den > 0) {
                points += r.points();
                sum += r.points() * Math.max(0, Math.min(1.0, (double) count.applyAsLong(numerator.apply(r)) / den));
            }
        }
        return points == 0 ? null : g.max() * sum / points;
    }

    /** How many ratios the model has: bit {@code i} of a ratio mask is the {@code i}-th ratio in file order. */
    public int ratioCount() {
        return ratios.size();
    }

    /** The ratios whose failing side the mismatch's record is on (those listing it in {@code fixed_by}). */
    public long ratiosFixedBy(Mismatch m) {
        long mask = 0;
        for (int i = 0; i < ratios.size(); i++) {
            for (Fixer f : ratios.get(i).fixedBy()) {
                if (f.matches(m)) {
                    mask |= 1L << i;
                    break;
                }
            }
        }
        return mask;
    }

    /** Points the province gains when one record moves to the passing side of each ratio of the mask. */
    public double impactOf(long ratioMask, IndexFacts facts) {
        double points = 0;
        for (int i = 0; i < ratios.size(); i++) {
            if ((ratioMask & (1L << i)) != 0) {
                points += gain(i, facts);
            }
        }
        return points;
    }

    /**
     * The points the province gains if this one record is fixed, counting every ratio its category
     * fixes. (A report counts a record once per ratio across its rows: see {@code MismatchStore}.)
     */
    public double impact(Mismatch m, IndexFacts facts) {
        return impactOf(ratiosFixedBy(m), facts);
    }

    private double gain(int i, IndexFacts facts) {
        Ratio r = ratios.get(i);
        long den = facts.total(r.denominator());
        if (den <= 0) {
            return 0;
        }
        long portal = Math.min(facts.total(r.portal()), den);
        long city = Math.min(facts.total(r.city()), den);
        long moved = Math.min(portal + 1, city) - portal;
        if (moved <= 0) {
            return 0;
        }
        Group g = groupOfRatio.get(i);
        double applicable = g.ratios().stream()
                .filter(x -> facts.total(x.denominator()) > 0)
                .mapToDouble(Ratio::points)
                .sum();
        return g.max() / applicable * r.points() * moved / den;
    }
}
