package vn.dvcsync.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a mapping YAML file as its top-level entries, in file order, each with its line number. */
final class YamlEntries {

    record Entry(Path file, String key, int line, JsonNode value) {

        MappingException error(String problem) {
            return MappingException.at(file, line, key, problem);
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlEntries() {}

    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MappingException(file + ": the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MappingException(file + " line "
                        + parser.currentLocation().getLineNr() + ": expected a map of entries (key: {...})");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                JsonNode value = parser.readValueAsTree();
                if (!seen.add(key)) {
                    throw MappingException.at(file, line, key, "declared twice");
                }
                entries.add(new Entry(file, key, line, value == null ? YAML.nullNode() : value));
            }
        } catch (NoSuchFileException e) {
            throw new MappingException(file + ": file not found", e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MappingException(file + " line " + line + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingException(file + ": cannot read: " + e.getMessage(), e);
        }
        return entries;
    }

    /** @return the text of {@code name} in {@code entry}'s map, or null when absent */
    static String text(Entry entry, String name) {
        JsonNode node = entry.value().get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw entry.error("'" + name + "' must be a single non-empty value");
        }
        return node.asText().strip();
    }

    /** Rejects keys of {@code entry}'s map other than {@code allowed}. */
    static void requireMap(Entry entry, List<String> allowed) {
        if (!entry.value().isObject()) {
            throw entry.error("expected a map with " + String.join(", ", allowed));
        }
        for (var names = entry.value().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw entry.error("unknown key '" + name + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }
}
