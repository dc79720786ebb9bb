package vn.dvcsync.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import vn.dvcsync.mapping.PortalTime;
import vn.dvcsync.population.IdNumbers;

/** Reading values of records in the portal's form (a mapped city dossier or the portal's copy) for comparison and report. */
final class PortalForm {

    static final String MA_HO_SO = "MaHoSo";
    static final String IDENTITY = "DinhDanhCHS";

    private PortalForm() {}

    /** A time as the portal writes it: Vietnam time {@code yyyyMMddHHmmss}, whatever the offset of {@code time}. */
    static String time(OffsetDateTime time) {
        return PortalTime.format(time);
    }

    /**
     * The field's value as text: null when absent, JSON null or blank; a non-text scalar as its text; a list or
     * object as its JSON.
     */
    static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.textValue() : value.isValueNode() ? value.asText() : value.toString();
        return text.isBlank() ? null : text;
    }

    /** The field's time if it is a well-formed {@code yyyyMMddHHmmss} (14 digits), else null: comparable as text. */
    static String time(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null || text.length() != 14) {
            return null;
        }
        for (int i = 0; i < 14; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return text;
    }

    /**
     * The field's value as a report shows it: as the portal holds it, empty when absent, ID numbers masked to
     * their last 4 digits.
     */
    static String display(JsonNode record, String field) {
        if (record == null) {
            return "";
        }
        if (IDENTITY.equals(field)) {
            JsonNode ids = record.get(field);
            if (ids == null || ids.isNull()) {
                return "";
            }
            JsonNode masked = ids.deepCopy();
            mask(masked);
            return masked.toString();
        }
        String text = text(record, field);
        return text == null ? "" : text;
    }

    private static void mask(JsonNode node) {
        if (node.isArray()) {
            node.forEach(PortalForm::mask);
        } else if (node instanceof ObjectNode object
                && object.path("SoDinhDanh").isTextual()) {
            object.put("SoDinhDanh", IdNumbers.mask(object.get("SoDinhDanh").textValue()));
        }
    }

    /** Only characters below 128: a key whose Java order is its byte order. */
    static boolean ascii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
