package vn.dvcsync.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The portal's protocol ({@code portal-api.md}): its services, its call-level codes and how its replies read. */
final class Codes {

    static final String PUSH_DOSSIERS = "DongBoHoSoMC";
    static final String PUSH_STEPS = "CapNhatTienDoHoSoMC";
    static final String FIND_DOSSIER = "TraCuuHoSo";
    static final String LIST_DOSSIERS = "DanhSachHoSo";
    static final String PROCEDURES = "LayDanhSachTTHC";

    /** A call's {@code error_code}s; the codes of one item are {@link ItemCode}. */
    static final String OK = "0";

    static final String SESSION_INVALID = "-1";
    static final String MALFORMED = "1";
    static final String BATCH_TOO_LARGE = "5";
    static final String INTERNAL_ERROR = "9";

    private Codes() {}

    static String code(JsonNode node) {
        JsonNode code = node.get("error_code");
        return code == null || code.isNull() ? null : code.asText();
    }

    static String message(JsonNode node) {
        JsonNode message = node.get("message");
        return message == null || message.isNull() || message.asText().isEmpty() ? null : message.asText();
    }

    static String maHoSo(JsonNode item) {
        JsonNode code = item.get("MaHoSo");
        return code == null || code.isNull() ? null : code.asText();
    }

    static Set<String> codes(List<ObjectNode> dossiers) {
        Set<String> codes = new HashSet<>();
        dossiers.forEach(d -> codes.add(maHoSo(d)));
        return codes;
    }

    static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> items = new ArrayList<>(array.size());
        array.forEach(node -> {
            if (node instanceof ObjectNode object) {
                items.add(object);
            }
        });
        return items;
    }

    static PortalRejectedException unexpected(String service, JsonNode reply) {
        return new PortalRejectedException("portal " + service + ": unexpected reply (error_code " + code(reply)
                + (message(reply) != null ? ", " + message(reply) : "") + ")");
    }
}
