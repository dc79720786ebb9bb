package vn.dvcsync.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A code table from {@code mappings/code-tables.yaml}: city code → portal code, with what to do for
 * a city code the table does not list.
 */
final class CodeTable {

    enum Missing {
        REJECT,
        PASSTHROUGH
    }

    private static final String HEADER = "city_code,portal_code,meaning";

    private final String name;
    private final Map<String, String> codes;
    private final Missing missing;

    private CodeTable(String name, Map<String, String> codes, Missing missing) {
        this.name = name;
        this.codes = codes;
        this.missing = missing;
    }

    String name() {
        return name;
    }

    Missing missing() {
        return missing;
    }

    /** @return the portal code, or null when the city code is not listed and the table rejects it */
    String translate(String cityCode) {
        String portal = codes.get(cityCode);
        if (portal != null) {
            return portal;
        }
        return missing == Missing.PASSTHROUGH ? cityCode : null;
    }

    /** Loads every table declared in {@code index} ({@code code-tables.yaml}); files are relative to {@code dir}. */
    static Map<String, CodeTable> loadAll(Path index, Path dir) {
        Map<String, CodeTable> tables = new LinkedHashMap<>();
        for (YamlEntries.Entry entry : YamlEntries.read(index)) {
            YamlEntries.requireMap(entry, List.of("file", "missing"));
            String file = YamlEntries.text(entry, "file");
            String missing = YamlEntries.text(entry, "missing");
            if (file == null) {
                throw entry.error("'file' is required");
            }
            if (missing == null) {
                throw entry.error("'missing' is required (reject | passthrough)");
            }
            Missing mode = switch (missing) {
                case "reject" -> Missing.REJECT;
                case "passthrough" -> Missing.PASSTHROUGH;
                default -> throw entry.error("missing: '" + missing + "' is not reject | passthrough");
            };
            Path csv = dir.resolve(file);
            try {
                tables.put(entry.key(), new CodeTable(entry.key(), readCsv(csv), mode));
            } catch (NoSuchFileException e) {
                throw entry.error("file " + csv + " not found");
            } catch (IOException e) {
                throw entry.error("cannot read " + csv + ": " + e.getMessage());
            }
        }
        return tables;
    }

    private static Map<String, String> readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !header(lines.get(0))) {
            throw new MappingException(csv + " line 1: expected the header " + HEADER);
        }
        Map<String, String> codes = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", 3);
            String city = cells[0].strip();
            String portal = cells.length > 1 ? cells[1].strip() : "";
            if (city.isEmpty() || portal.isEmpty()) {
                throw new MappingException(csv + " line " + (i + 1) + ": expected city_code,portal_code[,meaning]");
            }
            Integer previous = lineOf.putIfAbsent(city, i + 1);
            if (previous != null) {
                throw new MappingException(
                        csv + " line " + (i + 1) + ": city code '" + city + "' already listed on line " + previous);
            }
            codes.put(city, portal);
        }
        return Map.copyOf(codes);
    }

    private static boolean header(String line) {
        String clean = line.startsWith("\uFEFF") ? line.substring(1) : line;
        String[] cells = clean.toLowerCase(Locale.ROOT).split(",");
        return cells.length >= 2
                && cells[0].strip().equals("city_code")
                && cells[1].strip().equals("portal_code");
    }
}
