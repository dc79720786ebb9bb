package vn.dvcsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.portal.UnansweredSteps;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * End conditions of delivery tests about progress steps, which the portal appends (a step sent twice is there
 * twice): what the portal simulator holds against what the ledger says was delivered or left unconfirmed.
 */
public final class StepsOnThePortal {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How the last error of a step sent without an answer, and not sent again, starts. */
    public static final String UNCONFIRMED_ERROR = UnansweredSteps.UNCONFIRMED + ": ";

    private StepsOnThePortal() {}

    /**
     * Nothing is pending, and the only dead letters are progress steps sent without an answer (their last error
     * starting {@code UNCONFIRMED: }).
     */
    public static void assertNothingPendingAndOnlyUnconfirmedStepsFailed(JdbcTemplate store) {
        assertThat(store.queryForObject("select count(*) from ledger where status = 'PENDING'", Long.class))
                .as("records pending")
                .isZero();
        assertThat(store.queryForList("""
                select record_type || ' ' || record_key || ': ' || coalesce(last_error, '') from ledger
                where status = 'FAILED' and not (record_type = 'STEP' and starts_with(last_error, ?))
                """, String.class, UNCONFIRMED_ERROR))
                .as("dead letters other than unconfirmed steps")
                .isEmpty();
    }

    /**
     * No step is held twice: for every dossier of the ledger and every step content, the portal holds each delivered
     * step exactly once, each step left unconfirmed (a dead letter) at most once, and nothing else.
     *
     * @return how many unconfirmed steps the portal holds (their sending arrived although its answer did not)
     */
    public static long assertNoStepHeldTwice(JdbcTemplate store, PortalSimulator portal) {
        // dossier → step content → {delivered, unconfirmed}
        Map<String, Map<JsonNode, long[]>> ledger = new HashMap<>();
        store.query(
                """
                select parent_key, payload::text, status = 'FAILED' as unconfirmed from ledger
                where record_type = 'STEP' and (status in ('DELIVERED', 'SUPERSEDED') and delivered_at is not null
                                                or status = 'FAILED' and starts_with(last_error, ?))
                """,
                rs -> {
                    ledger.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(json(rs.getString(2)), k -> new long[2])[rs.getBoolean(3) ? 1 : 0]++;
                },
                UNCONFIRMED_ERROR);
        long unconfirmedHeld = 0;
        for (String dossier : store.queryForList(
                "select distinct record_key from ledger where record_type = 'DOSSIER'", String.class)) {
            Map<JsonNode, Long> held = new HashMap<>();
            portal.steps(dossier).forEach(step -> held.merge(step, 1L, Long::sum));
            Map<JsonNode, long[]> known = ledger.getOrDefault(dossier, Map.of());
            Set<JsonNode> contents = new HashSet<>(held.keySet());
            contents.addAll(known.keySet());
            for (JsonNode step : contents) {
                long copies = held.getOrDefault(step, 0L);
                long[] n = known.getOrDefault(step, new long[2]);
                assertThat(copies)
                        .as(
                                "copies on the portal of a step of %s (delivered %d, unconfirmed %d): %s",
                                dossier, n[0], n[1], step)
                        .isBetween(n[0], n[0] + n[1]);
                unconfirmedHeld += copies - n[0];
            }
        }
        return unconfirmedHeld;
    }

    /** The dead letters of progress steps left unconfirmed by these runs. */
    public static List<Long> unconfirmedSteps(JdbcTemplate store, List<String> runIds) {
        return store.queryForList("""
                select id from ledger where record_type = 'STEP' and status = 'FAILED' and starts_with(last_error, ?)
                and run_id = any(?) order by id
                """, Long.class, UNCONFIRMED_ERROR, runIds.toArray(String[]::new));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
