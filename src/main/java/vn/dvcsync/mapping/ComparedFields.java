package vn.dvcsync.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reconciliation compares field by field ({@code mappings/reconcile-fields.yaml}): for each synchronised
 * dossier field of the portal, whether it is compared, and whether a portal copy that lacks it differs from a city
 * dossier that has it. {@code MaHoSo} is the key and {@code TrangThaiHoSo} has its own category: neither is listed.
 * A field the file does not list is compared, and missing on either side is a difference. Immutable.
 */
public final class ComparedFields {

    static final String FILE = "reconcile-fields.yaml";
    private static final List<String> KEYS = List.of("compare", "portal-lacks");

    /** A compared field; {@code portalMayLack}: a portal copy without it is not a difference. */
    public record Field(String name, boolean portalMayLack) {}

    private final List<Field> compared;
    private final List<String> ignored;

    private ComparedFields(List<Field> compared, List<String> ignored) {
        this.compared = List.copyOf(compared);
        this.ignored = List.copyOf(ignored);
    }

    /** Every synchronised field compared, a missing value a difference: what the contract alone says. */
    public static ComparedFields all() {
        return new ComparedFields(
                synchronised().stream().map(f -> new Field(f, false)).toList(), List.of());
    }

    /**
     * Reads {@code reconcile-fields.yaml} of the mappings folder.
     *
     * @throws MappingException naming the file, line and key when it is missing or wrong
     */
    public static ComparedFields load(Path mappingsDir) {
        Path file = mappingsDir.resolve(FILE);
        Map<String, YamlEntries.Entry> listed = new LinkedHashMap<>();
        for (YamlEntries.Entry entry : YamlEntries.read(file)) {
            if (!synchronised().contains(entry.key())) {
                throw entry.error("not a compared portal field (known: " + String.join(", ", synchronised()) + ")");
            }
            YamlEntries.requireMap(entry, KEYS);
            listed.put(entry.key(), entry);
        }
        List<Field> compared = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String field : synchronised()) {
            YamlEntries.Entry entry = listed.get(field);
            if (entry == null) {
                compared.add(new Field(field, false));
                continue;
            }
            String compare = YamlEntries.text(entry, "compare");
            boolean on = compare == null || yes(entry, "compare", compare);
            String lacks = YamlEntries.text(entry, "portal-lacks");
            boolean mayLack;
            if (lacks == null || lacks.equals("difference")) {
                mayLack = false;
            } else if (lacks.equals("no-difference")) {
                mayLack = true;
            } else {
                throw entry.error("'portal-lacks' must be difference or no-difference, not '" + lacks + "'");
            }
            if (on) {
                compared.add(new Field(field, mayLack));
            } else {
                ignored.add(field);
            }
        }
        return new ComparedFields(compared, ignored);
    }

    /** The fields compared, in the portal's order. */
    public List<Field> compared() {
        return compared;
    }

    /** The synchronised fields not compared. */
    public List<String> ignored() {
        return ignored;
    }

    private static boolean yes(YamlEntries.Entry entry, String key, String value) {
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw entry.error("'" + key + "' must be yes or no, not '" + value + "'");
        };
    }

    /** Every dossier field of the portal but the key and the status. */
    private static List<String> synchronised() {
        List<String> fields = new ArrayList<>(PortalRules.DOSSIER_FIELDS);
        fields.remove("MaHoSo");
        fields.remove("TrangThaiHoSo");
        return Collections.unmodifiableList(fields);
    }
}
