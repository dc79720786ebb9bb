package vn.dvcsync.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.kernel.Category;

/**
 * The delivery ledger: one row per city record version and where it stands
 * (PENDING, DELIVERED, QUARANTINED, FAILED, SUPERSEDED, and ACKNOWLEDGED: a dead letter an admin closed, see
 * {@link DeadLetters}). Routes only move rows between these states.
 */
@Component
public class Ledger {

    public static final String DOSSIER = "DOSSIER";
    public static final String STEP = "STEP";
    public static final String PARENT_QUARANTINED = "PARENT_QUARANTINED";
    /** Marks a reopened dossier whose older copy the portal holds: it is sent as an update. */
    private static final String REOPENED_HELD = "REOPENED_HELD";
    /**
     * The reason of a DELIVERED row that was never sent: the portal already held it (a dossier equal on every
     * compared field, or a step taken as on the portal by the steps-on-first-contact policy).
     */
    public static final String ADOPTED = "ADOPTED";

    /** A dossier row the portal is known to hold a copy of: sent as an update. */
    private static final String HELD_BY_PORTAL =
            "%1$s.reason = '" + REOPENED_HELD + "' or exists (select 1 from ledger d"
                    + " where d.record_type = %1$s.record_type and d.record_key = %1$s.record_key and d.status = 'DELIVERED')";

    private static final String HELD = " and (" + HELD_BY_PORTAL + ")\n";

    /** Namespaces of the transaction-scoped advisory locks a claim takes per dossier (pg_try_advisory_xact_lock). */
    private static final int DOSSIER_LOCKS = 0x4c44;

    private static final int STEP_LOCKS = 0x4c53;

    private static final JsonFactory JSON = new JsonFactory();

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LedgerProperties props;
    /** Rows this instance staged since the ledger's planner statistics were last refreshed ({@link #analyseIfGrown}). */
    private final AtomicLong stagedSinceAnalyse = new AtomicLong();

    Ledger(JdbcTemplate jdbc, TransactionTemplate tx, LedgerProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
    }

    /**
     * Records new versions (a version already known is left as it is), supersedes older versions of
     * the same records that were not delivered yet, and keeps the steps of a quarantined dossier
     * from being sent. Call inside the transaction that also advances the watermark.
     *
     * @return how many versions were new
     */
    public int stage(List<LedgerEntry> entries, String runId) {
        if (entries.isEmpty()) {
            return 0;
        }
        int n = entries.size();
        String[] types = new String[n];
        String[] recordKeys = new String[n];
        Long[] versions = new Long[n];
        String[] parents = new String[n];
        String[] units = new String[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        String[] rules = new String[n];
        String[] messages = new String[n];
        String[] payloads = new String[n];
        String[] deliveredAt = new String[n];
        Map<String, Copy> copies = copiesOf(entries, runId);
        List<String> dossierKeys = new ArrayList<>();
        Set<String> quarantinedKeys = new LinkedHashSet<>();
        for (LedgerEntry e : entries) {
            if (DOSSIER.equals(e.recordType())) {
                dossierKeys.add(e.recordKey());
                if (e.reason() != null) {
                    quarantinedKeys.add(e.recordKey());
                }
            }
        }
        // superseding older versions and releasing held-back steps concern only dossiers the ledger held before this
        // page (or that the page holds twice): on a first contact, none, and the two statements are not run
        List<String> earlier = heldBefore(dossierKeys);
        for (int i = 0; i < n; i++) {
            LedgerEntry e = entries.get(i);
            types[i] = e.recordType();
            recordKeys[i] = e.recordKey();
            versions[i] = e.version();
            parents[i] = e.parentKey();
            units[i] = e.unitCode();
            statuses[i] = e.reason() == null ? "PENDING" : "QUARANTINED";
            reasons[i] = e.reason();
            rules[i] = e.rule();
            messages[i] = e.message();
            payloads[i] = e.payload();
            if (e.reason() != null) {
                continue;
            }
            // first contact, by the nightly's comparison (rememberComparison): what the portal holds as the city
            // does is recorded adopted in this insert, not written PENDING and rewritten afterwards
            if (DOSSIER.equals(e.recordType())) {
                Copy c = copies.get(e.recordKey());
                if (c != null && c.identical() && c.version() == e.version()) {
                    statuses[i] = "DELIVERED";
                    reasons[i] = ADOPTED;
                    deliveredAt[i] = c.portalUpdated();
                } else if (c != null) {
                    reasons[i] = REOPENED_HELD;
                }
            } else {
                // the steps-on-first-contact policy: a step not after the copy's NgayCapNhat is on the portal
                Copy c = copies.get(e.parentKey());
                if (c != null && c.stepsUntil() != null && !quarantinedKeys.contains(e.parentKey())) {
                    String at = stepTime(e.payload());
                    if (at != null && at.compareTo(c.stepsUntil()) <= 0) {
                        statuses[i] = "DELIVERED";
                        reasons[i] = ADOPTED;
                        deliveredAt[i] = c.stepsUntil();
                    }
                }
            }
        }
        // One statement per page (arrays, not a batch of row inserts: several times faster), each row in its final
        // state: deciding adoption here rather than in SQL (parsing every payload again) halves its cost.
        int inserted = jdbc.update(
                """
                insert into ledger (record_type, record_key, version, parent_key, unit_code, status,
                                    reason, rule, message, payload, run_id, delivered_at)
                select y.t, y.k, y.v, y.p, y.u, y.s, y.r, y.ru, y.m, cast(y.pl as jsonb), ?,
                       case when y.d is not null then %s end
                from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[])
                     as y(t, k, v, p, u, s, r, ru, m, pl, d)
                on conflict (record_type, record_key, version) do nothing
                """.formatted(portalTime("y.d")),
                runId,
                types,
                recordKeys,
                versions,
                parents,
                units,
                statuses,
                reasons,
                rules,
                messages,
                payloads,
                deliveredAt);
        supersede(DOSSIER, earlier);
        // A new dossier version gives its held-back steps another chance (not a version read again, whose
        // newest version is still quarantined, by the city's rules or by the portal) ...
        withArray(earlier, keys -> jdbc.update("""
                update ledger s set status = 'PENDING', reason = null, rule = null, message = null, updated_at = now()
                where s.record_type = 'STEP' and s.status = 'QUARANTINED' and s.reason = ? and s.parent_key = any(?)
                  and not exists (select 1 from ledger p where p.record_type = 'DOSSIER' and p.record_key = s.parent_key
                                  and p.status = 'QUARANTINED'
                                  and not exists (select 1 from ledger n where n.record_type = 'DOSSIER'
                                                  and n.record_key = p.record_key and n.version > p.version))
                """, PARENT_QUARANTINED, keys));
        // ... unless that version is itself quarantined.
        holdBackSteps(quarantinedKeys);
        stagedSinceAnalyse.addAndGet(inserted);
        return inserted;
    }

    /** Of these dossier keys, those the ledger already holds a version of, and those the list holds twice. */
    private List<String> heldBefore(List<String> dossierKeys) {
        Set<String> seen = new HashSet<>();
        Set<String> earlier = new LinkedHashSet<>();
        for (String k : dossierKeys) {
            if (!seen.add(k)) {
                earlier.add(k);
            }
        }
        withArray(
                seen,
                keys -> earlier.addAll(jdbc.queryForList(
                        "select distinct record_key from ledger where record_type = 'DOSSIER' and record_key = any(?)",
                        String.class,
                        (Object) keys)));
        return new ArrayList<>(earlier);
    }

    /**
     * At the end of an extraction: refreshes the ledger's planner statistics when the extraction grew it by a tenth or
     * more. PostgreSQL's autovacuum does so within a minute or so, but the push starts at once, and a plan made for
     * the ledger as it was before a first full extraction (millions of rows staged in seconds) scans every step of the
     * ledger for each batch it claims: measured at 100,000 dossiers, 18 s to push 844 steps instead of 1 s.
     */
    public void analyseIfGrown() {
        long staged = stagedSinceAnalyse.get();
        if (staged < 10_000) {
            return;
        }
        Long known = jdbc.queryForObject(
                "select greatest(reltuples, 0)::bigint from pg_class where oid = 'ledger'::regclass", Long.class);
        if (known == null || staged * 10 >= known) {
            stagedSinceAnalyse.set(0);
            try {
                jdbc.execute("analyze ledger");
            } catch (DataAccessException e) {
                // e.g. the store's statement time-out (a user not owning the table only gets a warning):
                // autovacuum will do it, the run goes on
                log.warn(
                        "The ledger's planner statistics were not refreshed after {} rows were staged: {}",
                        staged,
                        e.getMostSpecificCause().getMessage());
            }
        }
    }

    /** What the nightly's comparison found of a dossier on the portal, as staging uses it. */
    private record Copy(long version, boolean identical, String portalUpdated, String stepsUntil) {}

    /** The copies the portal holds of the page's dossiers, for those never sent yet (first contact). */
    private Map<String, Copy> copiesOf(List<LedgerEntry> entries, String runId) {
        Set<String> dossiers = new HashSet<>();
        for (LedgerEntry e : entries) {
            dossiers.add(DOSSIER.equals(e.recordType()) ? e.recordKey() : e.parentKey());
        }
        dossiers.remove(null);
        Map<String, Copy> copies = new HashMap<>();
        if (runId == null || dossiers.isEmpty()) {
            return copies;
        }
        jdbc.query(
                "select c.record_key, c.version, c.identical, c.portal_updated, c.steps_until from portal_copy c"
                        + " where c.run_id = ? and c.held and c.record_key = any(?) and " + neverSent("c.record_key"),
                rs -> {
                    copies.put(
                            rs.getString(1),
                            new Copy(rs.getLong(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)));
                },
                runId,
                dossiers.toArray(String[]::new));
        return copies;
    }

    /**
     * Nightly, before its full extraction: remembers for this run what the comparison found of these dossiers on the
     * portal ({@code held}: copies, equal or not; {@code missing}: codes the portal lacks). Staging then records a
     * dossier never sent before that the portal holds as the city does as adopted in the insert that stages it (see
     * {@link #firstContact}), and {@link #healByComparison} acts on the rest. Copies of earlier runs are dropped.
     *
     * @param stepsUpToCopy the steps-on-first-contact policy: steps not after the copy's {@code NgayCapNhat} are
     *                      on the portal
     */
    public void rememberComparison(
            String runId, Collection<PortalCopy> held, Collection<String> missing, boolean stepsUpToCopy) {
        int n = held.size() + missing.size();
        if (n == 0) {
            return;
        }
        String[] keys = new String[n];
        Long[] versions = new Long[n];
        String[] units = new String[n];
        Boolean[] isHeld = new Boolean[n];
        Boolean[] identical = new Boolean[n];
        String[] updated = new String[n];
        String[] until = new String[n];
        int i = 0;
        for (PortalCopy c : held) {
            keys[i] = c.key();
            versions[i] = c.version();
            units[i] = c.unitCode();
            isHeld[i] = true;
            identical[i] = c.identical();
            updated[i] = c.portalUpdated();
            until[i++] = stepsUpToCopy ? c.portalUpdated() : null;
        }
        for (String key : missing) {
            keys[i] = key;
            versions[i] = 0L;
            isHeld[i] = false;
            identical[i++] = false;
        }
        jdbc.update("""
                insert into portal_copy (run_id, record_key, version, unit_code, held, identical, portal_updated,
                                         steps_until)
                select ?, k, v, u, h, i, t, s
                from unnest(?::text[], ?::bigint[], ?::text[], ?::boolean[], ?::boolean[], ?::text[], ?::text[])
                     as x(k, v, u, h, i, t, s)
                on conflict (run_id, record_key) do nothing
                """, runId, keys, versions, units, isHeld, identical, updated, until);
    }

    /** Drops the comparisons remembered by runs other than this one (a run that stopped half-way). */
    public void forgetComparisonsBefore(String runId) {
        jdbc.update("delete from portal_copy where run_id <> ?", runId);
    }

    /**
     * Nightly, after its full extraction: heals by what {@link #rememberComparison} kept — reopens every delivered
     * dossier the portal lacks or holds differently ({@link #reopen}), and applies {@link #firstContact} to the
     * dossiers never sent that staging could not settle in its insert (staged by an earlier run, or differing);
     * then forgets the comparison.
     *
     * @return how many dossiers were reopened and how many adopted here (beside those adopted by staging)
     */
    public long[] healByComparison(String runId, boolean stepsUpToCopy, int batch) {
        long reopened = 0;
        long adopted = 0;
        String after = "";
        while (true) {
            List<PortalCopy> held = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            List<String> different = new ArrayList<>();
            String[] last = {null};
            // only what is left to do: a copy not identical, or an identical one whose staged version still waits
            jdbc.query(
                    """
                    select c.record_key, c.version, c.unit_code, c.held, c.identical, c.portal_updated, l.payload::text
                    from portal_copy c
                    left join ledger l on l.record_type = 'DOSSIER' and l.record_key = c.record_key
                                      and l.version = c.version and l.status = 'PENDING'
                    where c.run_id = ? and c.record_key > ? and (not c.identical or l.id is not null)
                    order by c.record_key limit ?
                    """,
                    rs -> {
                        String key = rs.getString(1);
                        last[0] = key;
                        if (!rs.getBoolean(4)) {
                            missing.add(key);
                            return;
                        }
                        if (!rs.getBoolean(5)) {
                            different.add(key);
                        }
                        held.add(new PortalCopy(
                                key,
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(7),
                                rs.getBoolean(5),
                                rs.getString(6)));
                    },
                    runId,
                    after,
                    batch);
            if (last[0] == null) {
                break;
            }
            after = last[0];
            adopted += firstContact(held, stepsUpToCopy, runId);
            reopened += reopen(missing, true, runId) + reopen(different, false, runId);
        }
        jdbc.update("delete from portal_copy where run_id = ?", runId);
        return new long[] {reopened, adopted};
    }

    /** Marks older undelivered versions of these records SUPERSEDED: only the newest is ever sent. */
    private void supersede(String recordType, List<String> keys) {
        withArray(keys, arr -> jdbc.update("""
                update ledger l set status = 'SUPERSEDED', updated_at = now()
                where l.record_type = ? and l.record_key = any(?) and l.status in ('PENDING', 'FAILED')
                  and exists (select 1 from ledger n where n.record_type = l.record_type
                              and n.record_key = l.record_key and n.version > l.version)
                """, recordType, arr));
    }

    private void holdBackSteps(Collection<String> dossierKeys) {
        withArray(dossierKeys, keys -> jdbc.update("""
                update ledger set status = 'QUARANTINED', reason = ?, rule = 'MaHoSo',
                       message = 'its dossier ' || parent_key || ' is quarantined', updated_at = now()
                where record_type = 'STEP' and status = 'PENDING' and parent_key = any(?)
                """, PARENT_QUARANTINED, keys));
    }

    /**
     * Before a push, by the portal's catalogue ({@code LayDanhSachTTHC}, read once per run): a waiting dossier
     * citing a {@code MaTTHC} the catalogue lacks is quarantined ({@code PROCEDURE_UNKNOWN}, rule {@code MaTTHC},
     * the code named) and never sent, its steps held back; a dossier so quarantined whose procedure the catalogue
     * now lists waits to be sent again, with its steps.
     *
     * @return the dossiers quarantined by this call
     */
    public int checkProcedures(Set<String> catalogue, String runId) {
        String[] codes = catalogue.toArray(String[]::new);
        List<String> released = jdbc.queryForList("""
                update ledger l set status = 'PENDING', reason = null, rule = null, message = null,
                       next_attempt_at = null, updated_at = now()
                where l.record_type = 'DOSSIER' and l.status = 'QUARANTINED' and l.reason = ? and l.rule = 'MaTTHC'
                  and (l.payload ->> 'MaTTHC') = any(?)
                  and not exists (select 1 from ledger n where n.record_type = 'DOSSIER'
                                  and n.record_key = l.record_key and n.version > l.version)
                returning l.record_key
                """, String.class, Category.PROCEDURE_UNKNOWN.name(), codes);
        withArray(released, keys -> jdbc.update("""
                update ledger set status = 'PENDING', reason = null, rule = null, message = null, updated_at = now()
                where record_type = 'STEP' and status = 'QUARANTINED' and reason = ? and parent_key = any(?)
                """, PARENT_QUARANTINED, keys));
        List<String> quarantined =
                jdbc.queryForList("""
                update ledger set status = 'QUARANTINED', reason = ?, rule = 'MaTTHC',
                       message = 'Dossier ' || record_key || ' cites MaTTHC ' || coalesce(payload ->> 'MaTTHC', '(none)')
                                 || ', which the portal''s catalogue (LayDanhSachTTHC) lacks: not sent',
                       run_id = ?, next_attempt_at = null, updated_at = now()
                where record_type = 'DOSSIER' and status = 'PENDING'
                  and (claimed_until is null or claimed_until <= now())
                  and not coalesce((payload ->> 'MaTTHC') = any(?), false)
                returning record_key
                """, String.class, Category.PROCEDURE_UNKNOWN.name(), runId, codes);
        holdBackSteps(quarantined);
        return quarantined.size();
    }

    /**
     * Marks SUPERSEDED every older version still waiting (PENDING or FAILED) while a newer version of the
     * same dossier exists: staging does this as versions arrive, this catches versions staged at the same
     * moment by two instances. Call before a push.
     *
     * @return how many rows it superseded
     */
    public int supersedeStale() {
        return jdbc.update("""
                update ledger l set status = 'SUPERSEDED', updated_at = now()
                where l.record_type = 'DOSSIER' and l.status in ('PENDING', 'FAILED')
                  and exists (select 1 from ledger n where n.record_type = l.record_type
                              and n.record_key = l.record_key and n.version > l.version)
                """);
    }

    /**
     * Claims pending dossiers for a push and leases them ({@code dvcsync.ledger.lease}). Only the newest
     * version of a dossier is ever claimed, and never while another version of it is claimed (in flight),
     * so an older version cannot reach the portal after a newer one. Concurrent claimers, in this instance
     * or another, skip each other's rows ({@code FOR UPDATE SKIP LOCKED}), serialise per dossier (a
     * transaction-scoped advisory lock on its key) and never wait for one another.
     *
     * @param limit at most how many rows (the candidates read; the claim may return fewer)
     */
    public List<Claimed> claimDossiers(int limit) {
        return claim(DOSSIER, limit, null);
    }

    /**
     * As {@link #claimDossiers(int)}, only dossiers the portal is known to hold ({@link Claimed#deliveredBefore()}:
     * delivered before, or reopened or first met while the portal held a copy): a batch of them is one call, of
     * updates, where a batch mixed with creates is two. Once none is left, every pending row of the index is read
     * to tell so: call it until it comes back empty, then {@link #claimDossiers(int)}.
     */
    public List<Claimed> claimHeldDossiers(int limit) {
        return claim(DOSSIER, limit, true);
    }

    /**
     * Claims pending progress steps whose dossier is already on the portal (delivered, or a dead letter an admin
     * acknowledged, found on the portal): all pending steps of each
     * dossier picked, in their order, and never while another step of the same dossier is in flight
     * (the portal appends steps in the order they arrive).
     *
     * @param limit at most how many rows: whole dossiers up to it (one portal call), or the steps of one dossier
     *              that has more
     */
    public List<Claimed> claimSteps(int limit) {
        return claim(STEP, limit, null);
    }

    /** @param held dossiers only: true for those the portal is known to hold, null for any */
    private List<Claimed> claim(String recordType, int limit, Boolean held) {
        boolean dossiers = DOSSIER.equals(recordType);
        // the unit of exclusion: a dossier's versions, or all steps of one dossier
        String unit = dossiers ? "record_key" : "parent_key";
        String eligible = dossiers ? """
                  and not exists (select 1 from ledger n where n.record_type = %1$s.record_type
                                  and n.record_key = %1$s.record_key and n.version > %1$s.version)
                  """ : """
                  and exists (select 1 from ledger p where p.record_type = 'DOSSIER'
                              and p.record_key = %1$s.parent_key and p.status in ('DELIVERED', 'ACKNOWLEDGED'))
                  """;
        String due = """
                %1$s.record_type = ? and %1$s.status = 'PENDING'
                and (%1$s.next_attempt_at is null or %1$s.next_attempt_at <= now())
                and (%1$s.claimed_until is null or %1$s.claimed_until <= now())
                """;
        String heldOnly = Boolean.TRUE.equals(held) ? HELD.formatted("l") : "";
        List<Claimed> claimed = tx.execute(status -> {
            List<String> candidates = jdbc.queryForList(
                    "select l." + unit + " from ledger l where " + due.formatted("l") + eligible.formatted("l")
                            + heldOnly
                            + " order by l.next_attempt_at nulls first, l.id limit ? for update of l skip locked",
                    String.class,
                    recordType,
                    limit);
            if (candidates.isEmpty()) {
                return List.<Claimed>of();
            }
            String[] units = jdbc.queryForList(
                            "select u from unnest(?::text[]) u where pg_try_advisory_xact_lock(?, hashtext(u))",
                            String.class,
                            new LinkedHashSet<>(candidates).toArray(String[]::new),
                            dossiers ? DOSSIER_LOCKS : STEP_LOCKS)
                    .toArray(String[]::new);
            if (units.length == 0) {
                return List.<Claimed>of();
            }
            // A batch is whole units (a dossier with all its pending steps) and at most `limit` rows, so that it
            // fills one portal call: the candidates' last dossier has more steps than the candidates read, and
            // taking them all would send a second call of a few steps. A unit bigger than `limit` goes alone.
            // Claimers never wait for one another (a wait could close a cycle: a deadlock): a unit is claimed only
            // when this claim could lock every one of its due rows; rows another claimer holds make it skip the unit.
            return jdbc.query(
                    """
                    with due as (
                        select c.id, c.%1$s as unit from ledger c
                        where c.%1$s = any(?) and %2$s %3$s
                          and not exists (select 1 from ledger f where f.record_type = c.record_type
                                          and f.%1$s = c.%1$s and f.claimed_until > now())),
                    locked as (
                        select c.id, c.unconfirmed, c.updated_at, c.%1$s as unit, array_position(?::text[], c.%1$s) as pos
                        from ledger c
                        where c.id in (select id from due) and c.status = 'PENDING'
                          and (c.claimed_until is null or c.claimed_until <= now())
                        for update of c skip locked),
                    whole as (
                        select k.unit, count(*) as n, min(k.pos) as pos from locked k group by k.unit
                        having count(*) = (select count(*) from due d where d.unit = k.unit)),
                    kept as (
                        select unit from (select unit, sum(n) over (order by pos) as upto,
                                                 row_number() over (order by pos) as nth from whole) w
                        where nth = 1 or upto <= ?)
                    update ledger l set claimed_until = now() + make_interval(secs => ?), unconfirmed = true,
                           updated_at = now()
                    from locked p
                    where l.id = p.id and p.unit in (select unit from kept)
                    returning l.id, l.record_key, l.version, l.parent_key, l.payload::text as payload, l.attempts,
                              p.unconfirmed as uncertain, case when p.unconfirmed then p.updated_at end as uncertain_since,
                              (%4$s) as delivered_before
                    """.formatted(unit, due.formatted("c"), eligible.formatted("c"), HELD_BY_PORTAL.formatted("l")),
                    (rs, n) -> new Claimed(
                            rs.getLong("id"),
                            rs.getString("record_key"),
                            rs.getLong("version"),
                            rs.getString("parent_key"),
                            rs.getString("payload"),
                            rs.getInt("attempts"),
                            rs.getBoolean("delivered_before"),
                            rs.getBoolean("uncertain"),
                            instant(rs.getObject("uncertain_since", OffsetDateTime.class))),
                    units,
                    recordType,
                    units,
                    limit,
                    props.lease().toMillis() / 1000.0);
        });
        return claimed.stream().sorted(Comparator.comparingLong(Claimed::id)).toList();
    }

    public void markDelivered(Collection<Long> ids, String runId) {
        if (ids.isEmpty()) {
            return;
        }
        withLongArray(ids, arr -> jdbc.update("""
                update ledger set status = 'DELIVERED', delivered_at = now(), updated_at = now(), reason = null,
                       next_attempt_at = null, claimed_until = null, unconfirmed = false, last_error = null, run_id = ?
                where id = any(?)
                """, runId, arr));
        attempted(ids, "DELIVERED", null, runId);
        // An older delivered version is history now; keep one DELIVERED row per record.
        jdbc.update("""
                update ledger l set status = 'SUPERSEDED', updated_at = now()
                where l.status = 'DELIVERED'
                  and (l.record_type, l.record_key) in (select record_type, record_key from ledger where id = any(?))
                  and exists (select 1 from ledger n where n.record_type = l.record_type and n.record_key = l.record_key
                              and n.status = 'DELIVERED' and n.version > l.version)
                """, (Object) ids.toArray(Long[]::new));
    }

    /** Gives back claimed rows that were not sent after all: they may be claimed again at once. */
    public void release(Collection<Long> ids) {
        withLongArray(
                ids,
                arr -> jdbc.update(
                        "update ledger set claimed_until = null, updated_at = now() where id = any(?)", (Object) arr));
    }

    /**
     * The portal (or a rule) refused this record: it is never sent as it is. A version superseded while it
     * was in flight stays SUPERSEDED (its refusal says nothing of the newer version).
     */
    public void markQuarantined(Claimed row, String reason, String rule, String message, String runId) {
        String status = jdbc.queryForObject("""
                update ledger set status = case when status = 'SUPERSEDED' then status else 'QUARANTINED' end,
                       reason = ?, rule = ?, message = ?, run_id = ?,
                       next_attempt_at = null, claimed_until = null, unconfirmed = false, updated_at = now()
                where id = ?
                returning status
                """, String.class, reason, rule, message, runId, row.id());
        attempted(List.of(row.id()), "REFUSED", message, runId);
        if (row.parentKey() == null && "QUARANTINED".equals(status)) {
            holdBackSteps(List.of(row.recordKey()));
        }
    }

    /**
     * A push attempt failed: the rows wait {@code retryDelay} and stay PENDING, or become dead letters
     * (FAILED) once they have failed {@code maxAttempts} times, with {@code error} as their last error.
     * A row superseded while it was in flight stays SUPERSEDED.
     *
     * @param mayHaveArrived the portal may have processed the attempt after all: the rows stay {@code unconfirmed}.
     *                       False: it certainly did not, and the rows were claimed as confirmed (not
     *                       {@link Claimed#uncertain()}): they are confirmed again
     */
    public void markAttemptFailed(Collection<Long> ids, String error, boolean mayHaveArrived, String runId) {
        withLongArray(
                ids,
                arr -> jdbc.update(
                        """
                update ledger set attempts = attempts + 1, last_error = ?, run_id = ?, updated_at = now(),
                       status = case when status <> 'PENDING' then status
                                     when attempts + 1 >= ? then 'FAILED' else 'PENDING' end,
                       next_attempt_at = now() + make_interval(secs => ?), claimed_until = null,
                       unconfirmed = unconfirmed and ?
                where id = any(?)
                """,
                        truncate(error),
                        runId,
                        props.maxAttempts(),
                        props.retryDelay().toMillis() / 1000.0,
                        mayHaveArrived,
                        arr));
        attempted(ids, "FAILED", error, runId);
    }

    /**
     * These rows become dead letters at once (FAILED, {@code error} their last error), with no further automatic
     * attempt: whether the portal holds them cannot be known, and only an admin's replay sends them again (they are
     * no longer {@code unconfirmed}, so it does). A row no longer PENDING (delivered by a push that outlived its
     * lease, superseded) is left as it is.
     */
    public void markDeadLetters(Collection<Long> ids, String error, String runId) {
        withLongArray(ids, arr -> {
            // the attempt is kept for the rows it made dead letters, not for one delivered or superseded meanwhile
            List<Long> dead = jdbc.queryForList("""
                    update ledger set attempts = attempts + 1, last_error = ?, run_id = ?, updated_at = now(),
                           status = 'FAILED', next_attempt_at = null, claimed_until = null, unconfirmed = false
                    where id = any(?) and status = 'PENDING'
                    returning id
                    """, Long.class, truncate(error), runId, arr);
            attempted(dead, "DEAD_LETTER", error, runId);
        });
    }

    /**
     * One push attempt of each row with its outcome and the portal's answer (or the error), kept for a dossier's
     * journey ({@link DossierHistory}).
     */
    private void attempted(Collection<Long> ids, String outcome, String answer, String runId) {
        withLongArray(ids, arr -> jdbc.update("""
                insert into push_attempt (ledger_id, run_id, outcome, answer)
                select id, ?, ?, ? from unnest(?::bigint[]) id
                """, runId, outcome, truncate(answer), arr));
    }

    /**
     * Sends these dossiers again, as the nightly run heals what the portal lacks or holds stale: the
     * newest version of each that was delivered (or given up as a dead letter, acknowledged or not) goes back to
     * PENDING with
     * its attempts reset. {@code missing}: the portal lacks them, so they go as creates with their delivered
     * steps (the portal lost those too); otherwise the portal holds another copy, which they overwrite as
     * updates, even when it differs only in being stale.
     *
     * @return how many dossiers were reopened
     */
    public int reopen(Collection<String> dossierKeys, boolean missing, String runId) {
        if (dossierKeys.isEmpty()) {
            return 0;
        }
        String[] keys = dossierKeys.toArray(String[]::new);
        int n = jdbc.update("""
                update ledger l set status = 'PENDING', attempts = 0, next_attempt_at = null, last_error = null,
                       unconfirmed = false, reason = ?, run_id = ?, updated_at = now()
                where l.record_type = 'DOSSIER' and l.status in ('DELIVERED', 'FAILED', 'ACKNOWLEDGED')
                  and l.record_key = any(?)
                  and not exists (select 1 from ledger n where n.record_type = 'DOSSIER' and n.record_key = l.record_key
                                  and n.version > l.version and n.status <> 'SUPERSEDED')
                """, missing ? null : REOPENED_HELD, runId, keys);
        if (missing) {
            // the portal lacks the dossier, so it holds none of its steps
            jdbc.update("""
                    update ledger set status = 'PENDING', attempts = 0, next_attempt_at = null, last_error = null,
                           unconfirmed = false, run_id = ?, updated_at = now()
                    where record_type = 'STEP' and status in ('DELIVERED', 'FAILED', 'ACKNOWLEDGED') and parent_key = any(?)
                    """, runId, keys);
        }
        return n;
    }

    /**
     * First contact with dossiers the portal already holds (a previous integration sent them): for each copy whose
     * dossier has no delivery in the ledger yet —
     * <ul>
     * <li>{@link PortalCopy#identical()}: the compared version is recorded DELIVERED, reason {@value #ADOPTED},
     *     delivered at the portal copy's {@code NgayCapNhat}, and not sent (inserted when it was not staged yet;
     *     older waiting versions are superseded). Not when a newer version of it is in the ledger, or it is claimed;</li>
     * <li>otherwise its waiting newest version is sent as an update ({@code isUpdating: "True"}) straight away;</li>
     * <li>{@code stepsUpToCopy}: its waiting progress steps whose {@code ThoiDiemXuLy} is not after the copy's
     *     {@code NgayCapNhat} are taken as on the portal (DELIVERED, {@value #ADOPTED}); the later ones are sent.
     *     Otherwise every step is sent.</li>
     * </ul>
     * A dossier delivered or claimed by a push before ({@link #neverSent}) is left as it is (the nightly heals it by
     * {@link #reopen}; the push looks up an uncertain claim).
     *
     * @return how many dossiers were adopted
     */
    public int firstContact(Collection<PortalCopy> copies, boolean stepsUpToCopy, String runId) {
        if (copies.isEmpty()) {
            return 0;
        }
        Integer adopted = tx.execute(status -> {
            Set<String> firstSeen = new HashSet<>(jdbc.queryForList(
                    "select k from unnest(?::text[]) k where " + neverSent("k"), String.class, (Object)
                            copies.stream().map(PortalCopy::key).toArray(String[]::new)));
            List<PortalCopy> identical = new ArrayList<>();
            List<String> different = new ArrayList<>();
            List<PortalCopy> held = new ArrayList<>();
            for (PortalCopy c : copies) {
                if (!firstSeen.contains(c.key())) {
                    continue;
                }
                held.add(c);
                if (c.identical()) {
                    identical.add(c);
                } else {
                    different.add(c.key());
                }
            }
            List<String> adoptedKeys = identical.isEmpty()
                    ? List.of()
                    : jdbc.queryForList(
                            """
                    insert into ledger (record_type, record_key, version, unit_code, status, reason, payload, run_id,
                                        delivered_at)
                    select 'DOSSIER', u.k, u.v, u.unit, 'DELIVERED', ?, cast(u.p as jsonb), ?, %s
                    from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) as u(k, v, unit, p, t)
                    where not exists (select 1 from ledger n where n.record_type = 'DOSSIER' and n.record_key = u.k
                                      and n.version > u.v)
                    on conflict (record_type, record_key, version) do update
                       set status = 'DELIVERED', reason = excluded.reason, rule = null, message = null,
                           delivered_at = excluded.delivered_at, run_id = excluded.run_id, updated_at = now(),
                           next_attempt_at = null, last_error = null, unconfirmed = false
                       where ledger.status in ('PENDING', 'FAILED')
                         and (ledger.claimed_until is null or ledger.claimed_until <= now())
                    returning record_key
                    """.formatted(portalTime("u.t")),
                            String.class,
                            ADOPTED,
                            runId,
                            identical.stream().map(PortalCopy::key).toArray(String[]::new),
                            identical.stream().map(PortalCopy::version).toArray(Long[]::new),
                            identical.stream().map(PortalCopy::unitCode).toArray(String[]::new),
                            identical.stream().map(PortalCopy::payload).toArray(String[]::new),
                            identical.stream().map(PortalCopy::portalUpdated).toArray(String[]::new));
            supersede(DOSSIER, adoptedKeys);
            withArray(different, keys -> jdbc.update("""
                    update ledger l set reason = ?, run_id = ?, updated_at = now()
                    where l.record_type = 'DOSSIER' and l.status = 'PENDING' and l.record_key = any(?)
                      and not exists (select 1 from ledger n where n.record_type = 'DOSSIER'
                                      and n.record_key = l.record_key and n.version > l.version)
                    """, REOPENED_HELD, runId, keys));
            List<PortalCopy> stepsOf =
                    held.stream().filter(c -> c.portalUpdated() != null).toList();
            if (stepsUpToCopy && !stepsOf.isEmpty()) {
                jdbc.update(
                        """
                        update ledger s set status = 'DELIVERED', reason = ?, delivered_at = %s, run_id = ?,
                               updated_at = now(), next_attempt_at = null, last_error = null, unconfirmed = false
                        from unnest(?::text[], ?::text[]) as u(k, t)
                        where s.record_type = 'STEP' and s.parent_key = u.k and s.status = 'PENDING'
                          and (s.claimed_until is null or s.claimed_until <= now())
                          and s.payload->>'ThoiDiemXuLy' ~ '^[0-9]{14}$' and s.payload->>'ThoiDiemXuLy' <= u.t
                        """.formatted(portalTime("u.t")),
                        ADOPTED,
                        runId,
                        stepsOf.stream().map(PortalCopy::key).toArray(String[]::new),
                        stepsOf.stream().map(PortalCopy::portalUpdated).toArray(String[]::new));
            }
            return adoptedKeys.size();
        });
        return adopted == null ? 0 : adopted;
    }

    /**
     * The waiting dossiers a push would send as creates: newest version PENDING, never delivered, not known to be held
     * by the portal ({@code REOPENED_HELD}), never claimed by a push ({@link #neverSent}). An incremental run's first
     * contact asks the portal which of them it holds.
     */
    private static final String FIRST_CONTACT = """
            l.record_type = 'DOSSIER' and l.status = 'PENDING' and l.reason is distinct from '%s'
              and not exists (select 1 from ledger n where n.record_type = 'DOSSIER' and n.record_key = l.record_key
                              and n.version > l.version)
              and %s
            """.formatted(REOPENED_HELD, neverSent("l.record_key"));

    /**
     * The SQL condition that no version of dossier {@code key} was ever delivered or claimed by a push: one that was
     * claimed (by an instance killed in the middle, say) may be on the portal without its steps, and the push's own
     * look-up of uncertain claims decides it, not a first contact's steps policy.
     */
    private static String neverSent(String key) {
        return """
                not exists (select 1 from ledger a where a.record_type = 'DOSSIER' and a.record_key = %s
                            and (a.delivered_at is not null or a.claimed_until is not null or a.unconfirmed
                                 or a.attempts > 0))""".formatted(key);
    }

    /** How many dossiers wait for their first contact, and the span of their codes and receipt times. */
    public FirstContactSpan firstContactSpan() {
        return jdbc.queryForObject(
                """
                select count(*), min(l.record_key collate "C"), max(l.record_key collate "C"),
                       min(l.payload ->> 'NgayTiepNhan'), max(l.payload ->> 'NgayTiepNhan')
                from ledger l
                where %s and l.payload ->> 'NgayTiepNhan' ~ '^[0-9]{14}$'
                """.formatted(FIRST_CONTACT),
                (rs, n) -> new FirstContactSpan(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** Of these dossier codes, the ones waiting for their first contact ({@link #firstContactSpan}), as waiting. */
    public List<Waiting> firstContactAmong(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select l.record_key, l.version, l.unit_code, l.payload::text from ledger l where l.record_key = any(?)"
                        + " and " + FIRST_CONTACT,
                (rs, n) -> new Waiting(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                (Object) keys.toArray(String[]::new));
    }

    /** A waiting dossier version: key, version, unit and the portal form a push would send. */
    public record Waiting(String key, long version, String unitCode, String payload) {}

    /**
     * A step payload's {@code ThoiDiemXuLy} when it is a portal time ({@code yyyyMMddHHmmss}, fourteen digits, so
     * that it orders as text); null otherwise. Read with a streaming parser: staging asks it of millions of steps.
     * The same rule as {@link #firstContact}'s update of steps already staged, which PostgreSQL applies to the
     * stored payloads.
     */
    static String stepTime(String payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("ThoiDiemXuLy".equals(name)) {
                    String t = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    return t != null && t.length() == 14 && t.chars().allMatch(ch -> ch >= '0' && ch <= '9') ? t : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A portal time ({@code yyyyMMddHHmmss}, Vietnam time) in SQL as a timestamptz; now when it is absent. */
    private static String portalTime(String column) {
        return "coalesce(to_timestamp(%1$s, 'YYYYMMDDHH24MISS')::timestamp at time zone 'Asia/Ho_Chi_Minh', now())"
                .formatted(column);
    }

    /** Rows per status (and quarantine reason) last touched by a run. */
    public Map<String, Long> countsForRun(String runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                """
                select record_type, status, coalesce(reason, '') as reason, count(*) as n from ledger
                where run_id = ? group by 1, 2, 3 order by 1, 2, 3
                """,
                rs -> {
                    String key = rs.getString("record_type").toLowerCase() + "."
                            + rs.getString("status").toLowerCase()
                            + (rs.getString("reason").isEmpty() ? "" : "." + rs.getString("reason"));
                    counts.put(key, rs.getLong("n"));
                },
                runId);
        return counts;
    }

    /** Rows per record type and status over the whole ledger (latest versions only). */
    public Map<String, Long> totals() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                select record_type, status, count(*) as n from ledger where status <> 'SUPERSEDED'
                group by 1, 2 order by 1, 2
                """, rs -> {
            counts.put(
                    rs.getString("record_type").toLowerCase() + "."
                            + rs.getString("status").toLowerCase(),
                    rs.getLong("n"));
        });
        return counts;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private void withArray(Collection<String> values, Consumer<String[]> use) {
        if (!values.isEmpty()) {
            use.accept(values.toArray(String[]::new));
        }
    }

    private void withLongArray(Collection<Long> values, Consumer<Long[]> use) {
        if (!values.isEmpty()) {
            use.accept(values.toArray(Long[]::new));
        }
    }
}
