package vn.dvcsync.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One compiled field-mapping file: the portal fields in file order, each with its accessor and converter. */
final class RecordMapping<T> {

    private record FieldWriter<T>(
            String field,
            Function<T, Object> source,
            ValueType.Converter converter,
            CodeTable table,
            boolean text,
            YamlEntries.Entry entry) {}

    private final FieldWriter<T>[] writers;

    private RecordMapping(List<FieldWriter<T>> writers) {
        @SuppressWarnings("unchecked")
        FieldWriter<T>[] array = writers.toArray(new FieldWriter[0]);
        this.writers = array;
    }

    ObjectNode apply(T record) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (FieldWriter<T> w : writers) {
            Object value = w.source.apply(record);
            if (value != null) {
                w.converter.put(out, w.field, value);
            }
        }
        return out;
    }

    /** Whether a text field of {@code record} is not in Unicode NFC (sent in NFC when the policy normalises). */
    boolean hasTextNotNfc(T record) {
        for (FieldWriter<T> w : writers) {
            if (w.text && w.table == null && w.source.apply(record) instanceof String s && !TextPolicy.isNfc(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The code table through which {@code field} is translated; it must exist and reject unknown codes.
     *
     * @throws MappingException naming the file and key otherwise
     */
    CodeTable rejectingTable(Path file, String field) {
        for (FieldWriter<T> w : writers) {
            if (w.field.equals(field)) {
                if (w.table == null || w.table.missing() != CodeTable.Missing.REJECT) {
                    throw w.entry.error("must be translated through a code table with 'missing: reject'");
                }
                return w.table;
            }
        }
        throw new MappingException(file + ": " + field + " is not mapped; it must be");
    }

    static <T> RecordMapping<T> compile(
            Path file,
            Map<String, Sources.Property<T>> sources,
            Set<String> portalFields,
            Map<String, CodeTable> tables,
            TextPolicy text) {
        List<FieldWriter<T>> writers = new ArrayList<>();
        for (YamlEntries.Entry entry : YamlEntries.read(file)) {
            if (!portalFields.contains(entry.key())) {
                throw entry.error("not a portal field (known: " + String.join(", ", portalFields) + ")");
            }
            YamlEntries.requireMap(entry, List.of("from", "type", "table"));
            String from = YamlEntries.text(entry, "from");
            if (from == null) {
                throw entry.error("'from' is required (the canonical property to read)");
            }
            String typeId = YamlEntries.text(entry, "type");
            String tableName = YamlEntries.text(entry, "table");
            try {
                ValueType type = typeId == null ? ValueType.STRING : ValueType.parse(typeId);
                Sources.Property<T> source = Sources.resolve(sources, from);
                if (!type.accepts(source.type())) {
                    throw new IllegalArgumentException("type " + type.id() + " cannot convert '" + from + "' (a "
                            + Sources.describe(source.type()) + "); " + ValueType.suggestFor(source.type()));
                }
                CodeTable table = null;
                if (tableName != null) {
                    table = tables.get(tableName);
                    if (table == null) {
                        throw new IllegalArgumentException("unknown table '" + tableName
                                + "' (declared in code-tables.yaml: " + String.join(", ", tables.keySet()) + ")");
                    }
                    if (type != ValueType.STRING) {
                        throw new IllegalArgumentException("a table applies only to type string, not " + type.id());
                    }
                }
                writers.add(new FieldWriter<>(
                        entry.key(),
                        source.get(),
                        type.converter(table, text.normalises()),
                        table,
                        type == ValueType.STRING,
                        entry));
            } catch (IllegalArgumentException e) {
                throw entry.error(e.getMessage());
            }
        }
        return new RecordMapping<>(writers);
    }
}
