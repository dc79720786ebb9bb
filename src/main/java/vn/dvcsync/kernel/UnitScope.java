package vn.dvcsync.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which units' rows (by {@code MaDonViXuLy}, the unit code) the caller may see: every unit, or the units an OFFICIAL
 * account is bound to ({@code dvcsync.security.users[i].units}). Derived from the logged-in user in one place,
 * {@link #current()}, and applied by the readers of per-unit rows ({@code MismatchStore}, {@code IndexEstimates},
 * {@code ReportService}), so that every controller and page built on them is scoped without code of its own.
 *
 * <p>ADMIN sees every unit, an OFFICIAL with no unit bound the whole province (every unit too); the gateway's own work
 * — a run, the scheduler, with nobody logged in on its thread — sees every unit.
 */
public final class UnitScope {

    /** Every unit: ADMIN, an OFFICIAL of the province, the gateway's own work. */
    public static final UnitScope ALL = new UnitScope(null, null);

    private static final String AUTHORITY_PREFIX = "UNIT_";

    /** The unit codes, sorted; null for every unit. */
    private final Set<String> units;

    private final String user;

    private UnitScope(String user, Set<String> units) {
        this.user = user;
        this.units = units;
    }

    /** The units {@code user} is bound to (at least one). */
    public static UnitScope of(String user, Collection<String> units) {
        if (units == null || units.isEmpty()) {
            throw new IllegalArgumentException("A unit scope needs at least one unit");
        }
        return new UnitScope(user, Collections.unmodifiableSet(new TreeSet<>(units)));
    }

    /** The authority that binds an account to {@code unitCode} (what {@link #current()} reads back). */
    public static GrantedAuthority authority(String unitCode) {
        return new SimpleGrantedAuthority(AUTHORITY_PREFIX + unitCode);
    }

    /**
     * The scope of the user logged in on this thread: their units when bound to some (and not ADMIN), else every
     * unit; every unit with nobody logged in (the gateway's own work).
     *
     * @throws AccessDeniedException for an anonymous caller (who may read no unit's rows)
     */
    public static UnitScope current() {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null) {
            return ALL;
        }
        if (login instanceof AnonymousAuthenticationToken || !login.isAuthenticated()) {
            throw new AccessDeniedException("Login required to read the units' rows");
        }
        List<String> bound = new ArrayList<>();
        for (GrantedAuthority a : login.getAuthorities()) {
            String name = a.getAuthority();
            if ("ROLE_ADMIN".equals(name)) {
                return ALL;
            }
            if (name != null && name.startsWith(AUTHORITY_PREFIX)) {
                bound.add(name.substring(AUTHORITY_PREFIX.length()));
            }
        }
        return bound.isEmpty() ? ALL : of(login.getName(), bound);
    }

    /** Whether every unit is in scope. */
    public boolean all() {
        return units == null;
    }

    /** The unit codes in scope, sorted; empty for {@link #ALL}, which has them all. */
    public Set<String> units() {
        return units == null ? Set.of() : units;
    }

    /** Whether rows of {@code unitCode} are in scope (for a unit scope, a row without unit is not). */
    public boolean allows(String unitCode) {
        return units == null || (unitCode != null && units.contains(unitCode));
    }

    /**
     * Refuses a request for the rows of a unit out of scope (a 403, not an empty answer: the caller asked for a unit
     * that is not theirs).
     */
    public void check(String unitCode) {
        if (!allows(unitCode)) {
            throw new OutOfScope("User '" + user + "' may see the rows of unit" + (units.size() == 1 ? " " : "s ")
                    + String.join(", ", units) + " only, not of " + unitCode);
        }
    }

    /**
     * The SQL condition that keeps the rows in scope, {@code " and <column> in (?, …)"} with one {@link #sqlArgs()}
     * each, or nothing for every unit.
     */
    public String sql(String column) {
        return units == null
                ? ""
                : " and " + column + " in (" + String.join(", ", Collections.nCopies(units.size(), "?")) + ")";
    }

    /** The arguments of {@link #sql(String)}'s condition. */
    public List<Object> sqlArgs() {
        return units == null ? List.of() : List.copyOf(units);
    }

    @Override
    public String toString() {
        return units == null ? "every unit" : "units " + String.join(", ", units);
    }

    /** A request for a unit out of the caller's scope: 403 wherever it is thrown from. */
    public static final class OutOfScope extends AccessDeniedException {
        OutOfScope(String message) {
            super(message);
        }
    }
}
