package vn.dvcsync.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.dvcsync.canonical.Applicant;

/** The converters a mapping entry may name with {@code type:}; each writes one portal field. */
enum ValueType {

    /** Text or number as a JSON string (in Unicode NFC when the text policy normalises); blank text is not sent. */
    STRING(String.class, Integer.class, Long.class),
    /** A time in Vietnam time, {@code yyyyMMddHHmmss}. */
    DATETIME(OffsetDateTime.class),
    /** Yes/no as {@code "1"} / {@code "0"}. */
    FLAG(Boolean.class),
    /** {@code DinhDanhCHS} from the applicant: citizens only; 12 digits type 1, 9 digits type 2. */
    IDENTITY(Applicant.class);

    /** Writes a non-null source value into the portal record under {@code field}. */
    interface Converter {
        void put(ObjectNode out, String field, Object value);
    }

    private final List<Class<?>> accepts;

    ValueType(Class<?>... accepts) {
        this.accepts = List.of(accepts);
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ValueType parse(String id) {
        for (ValueType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type '" + id + "' (allowed: "
                + String.join(", ", Arrays.stream(values()).map(ValueType::id).toList()) + ")");
    }

    boolean accepts(Class<?> sourceType) {
        return accepts.contains(sourceType);
    }

    /** A readable hint of which type fits a source of {@code sourceType}. */
    static String suggestFor(Class<?> sourceType) {
        for (ValueType t : values()) {
            if (t.accepts(sourceType)) {
                return "use type: " + t.id();
            }
        }
        return "no type converts it";
    }

    /**
     * @param table     code table applied after conversion to text (STRING only), or null; the city's code is
     *                  looked up in NFC whatever the text policy
     * @param normalise STRING text is sent in Unicode NFC ({@link TextPolicy#normalises()}); otherwise as written
     */
    Converter converter(CodeTable table, boolean normalise) {
        return switch (this) {
            case STRING ->
                table == null
                        ? (out, field, value) -> {
                            String text = normalise ? TextPolicy.nfc(value.toString()) : value.toString();
                            if (!text.isBlank()) {
                                out.put(field, text);
                            }
                        }
                        : (out, field, value) -> {
                            String code = table.translate(TextPolicy.nfc(value.toString()));
                            if (code != null && !code.isBlank()) {
                                out.put(field, code);
                            }
                        };
            case DATETIME -> (out, field, value) -> out.put(field, PortalTime.format((OffsetDateTime) value));
            case FLAG -> (out, field, value) -> out.put(field, ((Boolean) value) ? "1" : "0");
            case IDENTITY -> ValueType::putIdentity;
        };
    }

    private static void putIdentity(ObjectNode out, String field, Object value) {
        Applicant applicant = (Applicant) value;
        if (applicant.kind() == null
                || applicant.kind() != 1
                || applicant.idNumber() == null
                || applicant.idNumber().isBlank()) {
            return; // organisations have none; a citizen without one fails validation ("required")
        }
        String number = applicant.idNumber().strip();
        ObjectNode id = out.putArray(field).addObject();
        // A number of any other length gets no LoaiDinhDanh: validation names it as a format error.
        if (number.length() == 12) {
            id.put("LoaiDinhDanh", "1");
        } else if (number.length() == 9) {
            id.put("LoaiDinhDanh", "2");
        }
        id.put("SoDinhDanh", number);
    }
}
