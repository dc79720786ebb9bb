package vn.dvcsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in simulator of the national portal's integration adapter ({@code portal-api.md}):
 * {@code POST {base}/auth} and {@code POST {base}/integration} with every service of the contract,
 * on the JDK HTTP server at {@code http://127.0.0.1:<port>/dvcqg}. For the demo and tests only.
 *
 * <p>Seeding and assertions go through the public methods; runtime behaviour (latency, rate limit,
 * injected faults, sessions) through {@link #knobs()}. Counters count what was received, whatever the
 * answer, except {@link #writes(String)}/{@link #totalWrites()}, which count dossiers actually stored.
 */
public final class PortalSimulator implements AutoCloseable {

    public static final String BASE_PATH = "/dvcqg";

    private final PortalSettings settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PortalKnobs knobs = new PortalKnobs();
    private final PortalCounters counters = new PortalCounters();
    private final PortalStore store = new PortalStore(mapper);
    private final PortalServices services;
    private final PortalHttpHandler handler;
    private SimulatorServer server;

    public PortalSimulator(PortalSettings settings) {
        this.settings = settings;
        this.services = new PortalServices(mapper, store, counters, settings.clock(), settings.provinceCode());
        PortalSessions sessions = new PortalSessions(settings.clock(), knobs, settings.username(), settings.password());
        this.handler = new PortalHttpHandler(
                BASE_PATH,
                settings.agencyCode(),
                mapper,
                knobs,
                new Dice(settings.seed()),
                sessions,
                services,
                counters);
    }

    /** Binds 127.0.0.1 on the configured port and starts serving; does nothing when already started. */
    public synchronized PortalSimulator start() {
        if (server == null) {
            server = new SimulatorServer("portal-simulator", settings.port());
            server.start(BASE_PATH, handler);
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>/dvcqg}; the simulator must be started. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + BASE_PATH;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the portal simulator is not started");
        }
        return server.port();
    }

    public PortalKnobs knobs() {
        return knobs;
    }

    /** Replaces the province's catalogue ({@code LayDanhSachTTHC}; {@code MaTTHC} must be in it). */
    public void setCatalogue(Collection<CatalogueEntry> entries) {
        services.setCatalogue(entries);
    }

    /**
     * Stores dossiers as they are, without the field rules, replacing any with the same {@code MaHoSo};
     * {@code NgayDongBo}/{@code NgayCapNhat} are kept when present, otherwise set to now.
     */
    public void preload(Iterable<? extends JsonNode> dossiers) {
        String now = VietnamTime.format(VietnamTime.now(settings.clock()));
        dossiers.forEach(dossier -> store.preload(dossier, now));
    }

    /** Stores progress steps of a dossier it holds, as they are, after the ones it has (as a past sending left them). */
    public void preloadSteps(String maHoSo, Iterable<? extends JsonNode> steps) {
        steps.forEach(step -> store.addStep(maHoSo, step));
    }

    /** The dossier as the portal holds it (with {@code NgayDongBo}/{@code NgayCapNhat}). */
    public Optional<ObjectNode> dossier(String maHoSo) {
        return store.dossier(maHoSo).map(this::object);
    }

    public int dossierCount() {
        return store.size();
    }

    /** The steps received for a dossier, in the order they arrived (resent steps appear again). */
    public List<ObjectNode> steps(String maHoSo) {
        return store.steps(maHoSo).stream().map(this::object).toList();
    }

    /** Forgets every dossier and step (not the catalogue, nor the counters). */
    public void clear() {
        store.clear();
    }

    /** Successful creates and updates of one dossier. */
    public int writes(String maHoSo) {
        return counters.writes(maHoSo);
    }

    /**
     * How many times each dossier was sent in {@code DongBoHoSoMC} (as a create or an update, whatever the answer),
     * by {@code MaHoSo}.
     */
    public Map<String, Integer> dossiersSent() {
        return counters.sent();
    }

    /** Successful creates and updates of all dossiers. */
    public long totalWrites() {
        return counters.totalWrites();
    }

    /** Integration calls received naming {@code service}. */
    public long calls(String service) {
        return counters.calls(service);
    }

    /** Integration calls received per service name ({@code ""} for bodies without one). */
    public Map<String, Long> callsPerService() {
        return counters.calls();
    }

    /** Calls of {@code /auth} received. */
    public long authCalls() {
        return counters.authCalls();
    }

    /** HTTP 429 answers, injected or from the rate limit. */
    public long http429Count() {
        return counters.http429Count();
    }

    /** Calls answered with an injected fault (reset, 5xx, 429 or code 9). */
    public long injectedFaults() {
        return counters.injectedFaults();
    }

    /** Sets every counter back to zero. */
    public void reset() {
        counters.reset();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private ObjectNode object(byte[] json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
