package vn.dvcsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the portal holds: dossiers by {@code MaHoSo} as UTF-8 JSON (with {@code NgayDongBo} and
 * {@code NgayCapNhat}), kept compact enough for a million of them, and the processing steps of each.
 * Keys are ordered by {@link String#compareTo}, which is byte order for the ASCII codes the rules allow.
 */
final class PortalStore {

    static final String SYNCED_AT = "NgayDongBo";
    static final String UPDATED_AT = "NgayCapNhat";
    private static final long NO_TIME = -1L;

    /** A page of {@code DanhSachHoSo}: dossiers as stored, and the key to continue after (null: last page). */
    record Page(List<byte[]> dossiers, String sau) {}

    /** One dossier: its {@code NgayTiepNhan} as a number {@code yyyyMMddHHmmss} for range scans, and its JSON. */
    private record Stored(long receivedAt, byte[] json) {}

    private final ObjectMapper mapper;
    private final ConcurrentSkipListMap<String, Stored> dossiers = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, List<byte[]>> steps = new ConcurrentHashMap<>();

    PortalStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores a new dossier received {@code now}; false (and nothing stored) when its code is already known. */
    boolean insert(String maHoSo, ObjectNode dossier, String now) {
        dossier.put(SYNCED_AT, now).put(UPDATED_AT, now);
        return dossiers.putIfAbsent(maHoSo, stored(dossier)) == null;
    }

    /** Replaces a known dossier, keeping when the portal first received it; false when the code is unknown. */
    boolean update(String maHoSo, ObjectNode dossier, String now) {
        return dossiers.computeIfPresent(
                        maHoSo,
                        (key, old) -> stored(
                                dossier.put(SYNCED_AT, syncedAt(old, now)).put(UPDATED_AT, now)))
                != null;
    }

    /** Stores a dossier as it is, adding {@code NgayDongBo}/{@code NgayCapNhat} = {@code now} where absent. */
    void preload(JsonNode dossier, String now) {
        JsonNode code = dossier.get("MaHoSo");
        if (code == null || !code.isTextual()) {
            throw new IllegalArgumentException("a preloaded dossier needs a MaHoSo string");
        }
        JsonNode toStore = dossier;
        if (!dossier.hasNonNull(SYNCED_AT) || !dossier.hasNonNull(UPDATED_AT)) {
            ObjectNode copy = (ObjectNode) dossier.deepCopy();
            if (!copy.hasNonNull(SYNCED_AT)) {
                copy.put(SYNCED_AT, now);
            }
            if (!copy.hasNonNull(UPDATED_AT)) {
                copy.put(UPDATED_AT, now);
            }
            toStore = copy;
        }
        dossiers.put(code.asText(), stored(toStore));
    }

    Optional<byte[]> dossier(String maHoSo) {
        return Optional.ofNullable(dossiers.get(maHoSo)).map(Stored::json);
    }

    boolean contains(String maHoSo) {
        return dossiers.containsKey(maHoSo);
    }

    int size() {
        return dossiers.size();
    }

    /**
     * Dossiers with {@code from <= NgayTiepNhan < to} (numbers {@code yyyyMMddHHmmss}), in key order,
     * strictly after {@code after} (null: from the first), at most {@code limit}.
     */
    Page page(long from, long to, String after, int limit) {
        Map<String, Stored> tail = after == null ? dossiers : dossiers.tailMap(after, false);
        List<byte[]> page = new ArrayList<>(Math.min(limit, 1024));
        String last = null;
        for (Map.Entry<String, Stored> entry : tail.entrySet()) {
            long receivedAt = entry.getValue().receivedAt();
            if (receivedAt < from || receivedAt >= to) {
                continue;
            }
            if (page.size() == limit) {
                return new Page(page, last);
            }
            page.add(entry.getValue().json());
            last = entry.getKey();
        }
        return new Page(page, null);
    }

    /** Appends a step to a known dossier; false when the dossier is unknown. */
    boolean addStep(String maHoSo, JsonNode step) {
        if (!dossiers.containsKey(maHoSo)) {
            return false;
        }
        steps.computeIfAbsent(maHoSo, key -> new CopyOnWriteArrayList<>()).add(json(step));
        return true;
    }

    List<byte[]> steps(String maHoSo) {
        return List.copyOf(steps.getOrDefault(maHoSo, List.of()));
    }

    void clear() {
        dossiers.clear();
        steps.clear();
    }

    private Stored stored(JsonNode dossier) {
        return new Stored(receivedAt(dossier.path("NgayTiepNhan").asText(null)), json(dossier));
    }

    private static long receivedAt(String text) {
        return VietnamTime.parse(text) == null ? NO_TIME : Long.parseLong(text);
    }

    private String syncedAt(Stored old, String fallback) {
        try {
            return mapper.readTree(old.json()).path(SYNCED_AT).asText(fallback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] json(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
