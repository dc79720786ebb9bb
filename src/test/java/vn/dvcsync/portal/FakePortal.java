package vn.dvcsync.portal;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small stateful portal behind WireMock: sessions, batch limit and per-item answers,
 * as portal-api.md describes them. Tests set the per-item codes they need.
 */
final class FakePortal implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-portal";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** item code by {@code MaHoSo + ":create"} or {@code MaHoSo + ":update"}; absent: 0 */
    final Map<String, String> itemCodes = new HashMap<>();

    final Map<String, String> itemMessages = new HashMap<>();
    int maxBatch = 50;
    int expiresIn = 1800;
    boolean refuseAllSessions;
    /** data sizes of the DongBoHoSoMC / CapNhatTienDoHoSoMC calls that were processed or refused with 5 */
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    /** dossiers as the portal holds them (written with item code 0), for TraCuuHoSo */
    final Map<String, JsonNode> held = new HashMap<>();
    /** dossier writes (item code 0) per MaHoSo */
    final Map<String, Integer> writes = new HashMap<>();

    private final Set<String> validSessions = new HashSet<>();
    private int sessionCount;

    synchronized void reset() {
        itemCodes.clear();
        itemMessages.clear();
        maxBatch = 50;
        expiresIn = 1800;
        refuseAllSessions = false;
        batchSizes.clear();
        held.clear();
        writes.clear();
        validSessions.clear();
        sessionCount = 0;
    }

    /** The portal forgets every session (as when they expire). */
    synchronized void expireSessions() {
        validSessions.clear();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            ObjectNode reply = serveEvent.getRequest().getUrl().endsWith("/auth") ? auth() : integration(request);
            // a stub's delay or fault comes after the portal did its work (an answer that never arrives)
            ResponseDefinition stub = serveEvent.getResponseDefinition();
            return responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withFixedDelay(stub.getFixedDelayMilliseconds())
                    .withFault(stub.getFault())
                    .withBody(JSON.writeValueAsString(reply))
                    .build();
        } catch (Exception e) {
            return responseDefinition().withStatus(500).withBody(e.toString()).build();
        }
    }

    private ObjectNode auth() {
        String token = "tok-" + (++sessionCount);
        validSessions.add(token);
        return JSON.createObjectNode()
                .put("error_code", "0")
                .put("session", token)
                .put("expires_in", expiresIn);
    }

    private ObjectNode integration(JsonNode request) {
        if (refuseAllSessions || !validSessions.contains(request.path("session").asText())) {
            return JSON.createObjectNode().put("error_code", "-1").put("message", "Phiên làm việc hết hạn");
        }
        String service = request.path("service").asText();
        if (service.equals(Codes.FIND_DOSSIER)) {
            JsonNode dossier = held.get(request.path("mahoso").asText());
            return dossier == null
                    ? JSON.createObjectNode().put("error_code", "4")
                    : JSON.createObjectNode().put("error_code", "0").set("result", dossier);
        }
        if (!service.equals(Codes.PUSH_DOSSIERS) && !service.equals(Codes.PUSH_STEPS)) {
            return JSON.createObjectNode().put("error_code", "1").put("message", "Không hỗ trợ dịch vụ " + service);
        }
        JsonNode data = request.path("data");
        batchSizes.add(data.size());
        if (data.size() > maxBatch) {
            return JSON.createObjectNode().put("error_code", "5").put("message", "Vượt quá số lượng cho phép");
        }
        String mode = "True".equals(request.path("isUpdating").asText()) ? ":update" : ":create";
        ObjectNode reply = JSON.createObjectNode().put("error_code", "0");
        ArrayNode result = reply.putArray("result");
        for (JsonNode item : data) {
            String code = item.path("MaHoSo").asText();
            String itemCode = itemCodes.getOrDefault(code + mode, "0");
            ObjectNode r = result.addObject().put("MaHoSo", code).put("error_code", itemCode);
            r.put("message", itemMessages.getOrDefault(code, ""));
            if (service.equals(Codes.PUSH_DOSSIERS) && itemCode.equals("0")) {
                held.put(code, item);
                writes.merge(code, 1, Integer::sum);
            }
        }
        return reply;
    }
}
