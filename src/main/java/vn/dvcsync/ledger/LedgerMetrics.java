package vn.dvcsync.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Category;

/**
 * The ledger's gauges: {@code dvcsync.ledger.records} (by status and type), {@code dvcsync.dead.letters} (FAILED rows
 * by type) and {@code dvcsync.quarantined} (by reason). Read from one grouped count of the ledger, kept for
 * {@code dvcsync.metrics.store-refresh} (15 s) so that scrapes do not each count the table; when the store cannot
 * be read, the last counts stay. A quarantine reason other than the gateway's own shows from the scrape after the
 * one that first saw it.
 */
@Component
class LedgerMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);
    private static final List<String> TYPES = List.of(Ledger.DOSSIER, Ledger.STEP);
    private static final List<String> STATUSES =
            List.of("PENDING", "DELIVERED", "QUARANTINED", "FAILED", "SUPERSEDED", "ACKNOWLEDGED");

    private final JdbcTemplate jdbc;
    private final long refreshNanos;
    private final Set<String> reasonsRegistered = ConcurrentHashMap.newKeySet();
    private volatile Counts counts = new Counts(Map.of(), Map.of(), Long.MIN_VALUE);
    private volatile MeterRegistry registry;

    private record Counts(Map<String, Long> byTypeAndStatus, Map<String, Long> quarantinedByReason, long at) {}

    LedgerMetrics(JdbcTemplate jdbc, @Value("${dvcsync.metrics.store-refresh:PT15S}") Duration refresh) {
        this.jdbc = jdbc;
        this.refreshNanos = refresh.toNanos();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String type : TYPES) {
            for (String status : STATUSES) {
                Gauge.builder(
                                "dvcsync.ledger.records",
                                this,
                                m -> m.fresh().byTypeAndStatus().getOrDefault(type + "." + status, 0L))
                        .description("Ledger rows by status and record type")
                        .tag("type", type.toLowerCase())
                        .tag("status", status.toLowerCase())
                        .register(registry);
            }
            Gauge.builder(
                            "dvcsync.dead.letters",
                            this,
                            m -> m.fresh().byTypeAndStatus().getOrDefault(type + ".FAILED", 0L))
                    .description("Dead letters waiting for an admin (FAILED ledger rows) by record type")
                    .tag("type", type.toLowerCase())
                    .register(registry);
        }
        // the reasons the gateway gives, there from the first scrape; any other appears once seen
        List.of(Category.DOSSIER_INVALID.name(), Category.PROCEDURE_UNKNOWN.name(), Ledger.PARENT_QUARANTINED)
                .forEach(this::registerReason);
        refresh();
    }

    private Counts fresh() {
        Counts now = counts;
        if (System.nanoTime() - now.at() >= refreshNanos || now.at() == Long.MIN_VALUE) {
            synchronized (this) {
                if (counts == now) {
                    refresh();
                }
            }
        }
        return counts;
    }

    private void refresh() {
        try {
            Map<String, Long> byTypeAndStatus = new HashMap<>();
            jdbc.query("select record_type, status, count(*) as n from ledger group by 1, 2", rs -> {
                byTypeAndStatus.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
            });
            Map<String, Long> byReason = new HashMap<>();
            jdbc.query(
                    "select coalesce(reason, '') as reason, count(*) from ledger where status = 'QUARANTINED' group by 1",
                    rs -> {
                        byReason.put(rs.getString(1), rs.getLong(2));
                    });
            counts = new Counts(byTypeAndStatus, byReason, System.nanoTime());
            byReason.keySet().forEach(this::registerReason);
        } catch (RuntimeException e) {
            log.warn("Ledger metrics not refreshed: the store could not be read ({})", e.toString());
            counts = new Counts(counts.byTypeAndStatus(), counts.quarantinedByReason(), System.nanoTime());
        }
    }

    /** A reason once seen keeps its gauge (at 0 when no row has it any more), so its series does not vanish. */
    private void registerReason(String reason) {
        MeterRegistry target = registry;
        if (target != null && reasonsRegistered.add(reason)) {
            Gauge.builder(
                            "dvcsync.quarantined",
                            this,
                            m -> m.fresh().quarantinedByReason().getOrDefault(reason, 0L))
                    .description("Quarantined ledger rows by reason")
                    .tag("reason", reason)
                    .register(target);
        }
    }
}
