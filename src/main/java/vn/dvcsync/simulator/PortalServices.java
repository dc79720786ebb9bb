package vn.dvcsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of {@code POST {base}/integration}, once the session and {@code madonvi} are checked:
 * a request object in, the JSON answer (HTTP 200) out.
 */
final class PortalServices {

    static final int MAX_ITEMS = 50;
    static final int MAX_PAGE = 5000;

    private final ObjectMapper mapper;
    private final PortalStore store;
    private final PortalCounters counters;
    private final Clock clock;
    private final PortalValidation rules;
    private volatile Map<String, CatalogueEntry> catalogue = Map.of();

    PortalServices(ObjectMapper mapper, PortalStore store, PortalCounters counters, Clock clock, String provinceCode) {
        this.mapper = mapper;
        this.store = store;
        this.counters = counters;
        this.clock = clock;
        this.rules = new PortalValidation(provinceCode, code -> catalogue.containsKey(code));
    }

    void setCatalogue(Collection<CatalogueEntry> entries) {
        Map<String, CatalogueEntry> byCode = new LinkedHashMap<>();
        entries.forEach(entry -> byCode.put(entry.maTTHC(), entry));
        catalogue = byCode;
    }

    byte[] call(ObjectNode request) throws PortalCallError {
        String service = request.path("service").asText("");
        return switch (service) {
            case "DongBoHoSoMC" -> syncDossiers(request);
            case "CapNhatTienDoHoSoMC" -> addSteps(request);
            case "TraCuuHoSo" -> lookUp(request);
            case "DanhSachHoSo" -> list(request);
            case "LayDanhSachTTHC" -> listProcedures();
            default -> throw new PortalCallError("1", "service: unknown service \"" + service + "\"");
        };
    }

    byte[] error(String code, String message) {
        ObjectNode answer = mapper.createObjectNode().put("error_code", code);
        if (message != null) {
            answer.put("message", message);
        }
        return json(answer);
    }

    private byte[] syncDossiers(ObjectNode request) throws PortalCallError {
        String updating = text(request, "isUpdating");
        if (!"True".equals(updating) && !"False".equals(updating)) {
            throw new PortalCallError("1", "isUpdating: must be \"True\" or \"False\"");
        }
        ArrayNode data = items(request);
        String now = VietnamTime.format(VietnamTime.now(clock));
        ArrayNode results = mapper.createArrayNode();
        for (JsonNode dossier : data) {
            ObjectNode result = results.addObject();
            result.set("MaHoSo", dossier.path("MaHoSo").isTextual() ? dossier.get("MaHoSo") : null);
            counters.sent(dossier.path("MaHoSo").asText(""));
            List<String> violations = rules.dossier(dossier);
            if (!violations.isEmpty()) {
                result.put("error_code", "2").put("message", String.join("; ", violations));
                continue;
            }
            String maHoSo = dossier.get("MaHoSo").asText();
            boolean stored = "True".equals(updating)
                    ? store.update(maHoSo, (ObjectNode) dossier, now)
                    : store.insert(maHoSo, (ObjectNode) dossier, now);
            if (stored) {
                counters.write(maHoSo);
                result.put("error_code", "0").put("message", "OK");
            } else if ("True".equals(updating)) {
                result.put("error_code", "4").put("message", "MaHoSo: not found");
            } else {
                result.put("error_code", "3").put("message", "MaHoSo: already exists");
            }
        }
        return ok(results);
    }

    private byte[] addSteps(ObjectNode request) throws PortalCallError {
        ArrayNode results = mapper.createArrayNode();
        for (JsonNode step : items(request)) {
            ObjectNode result = results.addObject();
            result.set("MaHoSo", step.path("MaHoSo").isTextual() ? step.get("MaHoSo") : null);
            List<String> violations = rules.step(step);
            if (!violations.isEmpty()) {
                result.put("error_code", "2").put("message", String.join("; ", violations));
            } else if (store.addStep(step.get("MaHoSo").asText(), step)) {
                result.put("error_code", "0").put("message", "OK");
            } else {
                result.put("error_code", "4").put("message", "MaHoSo: not found");
            }
        }
        return ok(results);
    }

    private byte[] lookUp(ObjectNode request) throws PortalCallError {
        String maHoSo = requiredText(request, "mahoso");
        return store.dossier(maHoSo)
                .map(dossier -> concat("{\"error_code\":\"0\",\"result\":", dossier, "}"))
                .orElseGet(() -> error("4", null));
    }

    private byte[] list(ObjectNode request) throws PortalCallError {
        long from = time(request, "tungay");
        long to = time(request, "denngay");
        String after = text(request, "sau");
        JsonNode size = request.get("sobanghi");
        int limit = size == null
                ? 0
                : size.isIntegralNumber()
                        ? size.asInt()
                        : size.isTextual() && size.asText().matches("[0-9]{1,9}") ? Integer.parseInt(size.asText()) : 0;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new PortalCallError("1", "sobanghi: must be a number within 1.." + MAX_PAGE);
        }
        PortalStore.Page page = store.page(from, to, after == null || after.isEmpty() ? null : after, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"error_code\":\"0\",\"result\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < page.dossiers().size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(page.dossiers().get(i));
        }
        out.writeBytes("],\"sau\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json(
                page.sau() == null ? mapper.nullNode() : mapper.getNodeFactory().textNode(page.sau())));
        out.write('}');
        return out.toByteArray();
    }

    private byte[] listProcedures() {
        ArrayNode results = mapper.createArrayNode();
        catalogue
                .values()
                .forEach(entry -> results.addObject()
                        .put("MaTTHC", entry.maTTHC())
                        .put("TenTTHC", entry.tenTTHC())
                        .put("MaLinhVuc", entry.maLinhVuc())
                        .put("TenLinhVuc", entry.tenLinhVuc())
                        .put("CongKhai", entry.congKhai() ? "1" : "0")
                        .put(
                                "NgayCongKhai",
                                entry.ngayCongKhai() == null ? null : VietnamTime.format(entry.ngayCongKhai())));
        return ok(results);
    }

    private ArrayNode items(ObjectNode request) throws PortalCallError {
        JsonNode data = request.get("data");
        if (data == null || !data.isArray()) {
            throw new PortalCallError("1", "data: required, a JSON array");
        }
        if (data.size() > MAX_ITEMS) {
            throw new PortalCallError("5", "data: " + data.size() + " items, at most " + MAX_ITEMS + " a call");
        }
        return (ArrayNode) data;
    }

    private static long time(ObjectNode request, String name) throws PortalCallError {
        String value = requiredText(request, name);
        if (VietnamTime.parse(value) == null) {
            throw new PortalCallError("1", name + ": must be yyyyMMddHHmmss");
        }
        return Long.parseLong(value);
    }

    private static String requiredText(ObjectNode request, String name) throws PortalCallError {
        String value = text(request, name);
        if (value == null || value.isBlank()) {
            throw new PortalCallError("1", name + ": required");
        }
        return value;
    }

    private static String text(ObjectNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private byte[] ok(JsonNode result) {
        ObjectNode answer = mapper.createObjectNode().put("error_code", "0");
        answer.set("result", result);
        return json(answer);
    }

    private static byte[] concat(String head, byte[] body, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + head.length() + tail.length());
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private byte[] json(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
