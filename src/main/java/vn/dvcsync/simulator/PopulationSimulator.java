package vn.dvcsync.simulator;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Built-in simulator of the national population database's {@code TraCuuThongTinCongDan} SOAP 1.1
 * service ({@code population-api.md}) on the JDK HTTP server at
 * {@code http://127.0.0.1:<port>/dancu/TraCuuThongTinCongDan}, the exact URL callers sign.
 * For the demo and tests only.
 */
public final class PopulationSimulator implements AutoCloseable {

    public static final String PATH = "/dancu/TraCuuThongTinCongDan";

    private final PopulationSettings settings;
    private final PopulationKnobs knobs = new PopulationKnobs();
    private final PopulationCounters counters = new PopulationCounters();
    private final ConcurrentHashMap<String, Citizen> citizens = new ConcurrentHashMap<>();
    private SimulatorServer server;

    public PopulationSimulator(PopulationSettings settings) {
        this.settings = settings;
    }

    /** Binds 127.0.0.1 on the configured port and starts serving; does nothing when already started. */
    public synchronized PopulationSimulator start() {
        if (server == null) {
            server = new SimulatorServer("population-simulator", settings.port());
            PopulationRequestCheck check = new PopulationRequestCheck(settings, baseUrl());
            server.start(
                    PATH,
                    new PopulationHandler(PATH, knobs, new Dice(settings.seed()), check, counters, citizens::get));
        }
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the population simulator is not started");
        }
        return server.port();
    }

    public PopulationKnobs knobs() {
        return knobs;
    }

    /** Adds people to the registry, replacing any with the same ID number. */
    public void putCitizens(Collection<Citizen> people) {
        people.forEach(citizen -> citizens.put(citizen.soDinhDanh(), citizen));
    }

    /** Empties the registry. */
    public void clear() {
        citizens.clear();
    }

    /** Calls received, whatever the answer. */
    public long calls() {
        return counters.calls();
    }

    /** Lookups of one ID number that passed the checks and were answered (found or not). */
    public int lookups(String soDinhDanh) {
        return counters.lookups(soDinhDanh);
    }

    /** HTTP 429 answers, injected or from the rate limit. */
    public long http429Count() {
        return counters.http429Count();
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
}
