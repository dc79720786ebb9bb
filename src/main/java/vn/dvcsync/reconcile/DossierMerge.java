package vn.dvcsync.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import vn.dvcsync.canonical.Dossier;

/**
 * The merge of two streams sorted by {@code MaHoSo} in byte order: the city's dossiers, pushed one by one with
 * {@link #accept}, and the portal's, pulled from an iterator. Memory holds one dossier of each side.
 *
 * <p>Keys compare with {@link String#compareTo}, which is byte order for ASCII keys. A city dossier whose key is
 * absent or not ASCII cannot be on the portal (the portal takes ASCII codes only) and breaks the portal's rules
 * anyway: it is compared with nothing (so reported {@code DOSSIER_INVALID}) and left out of the merge, whatever
 * place the city's collation gave it. Any other key out of strictly increasing order, on either side, stops the
 * reconciliation: a merge of unsorted streams would report false differences.
 */
final class DossierMerge {

    private final DossierChecks checks;
    private final Iterator<ObjectNode> portal;
    private boolean primed;
    private ObjectNode next;
    private String nextKey;
    private String lastCity;
    private String lastPortal;
    private long cityCount;
    private long portalCount;
    private long portalWithoutKey;

    DossierMerge(DossierChecks checks, Iterator<ObjectNode> portal) {
        this.checks = checks;
        this.portal = portal;
    }

    /** Feeds a whole city stream, then finishes. */
    void run(Iterator<Dossier> city) {
        city.forEachRemaining(d -> accept(checks.prepare(d)));
        finish();
    }

    /** The next city dossier, prepared ({@link DossierChecks#prepare}); they must come in byte order of their code. */
    void accept(DossierChecks.CityDossier city) {
        prime();
        cityCount++;
        String key = city.key();
        if (key == null || !PortalForm.ascii(key)) {
            checks.compare(city, null);
            return;
        }
        if (lastCity != null && key.compareTo(lastCity) <= 0) {
            throw new IllegalStateException("The city's dossiers are not in strictly increasing MaHoSo byte order: '"
                    + key + "' after '" + lastCity + "' (the reconciliation query must order by MaHoSo COLLATE \"C\")");
        }
        lastCity = key;
        ObjectNode match = null;
        while (next != null) {
            int c = nextKey.compareTo(key);
            if (c > 0) {
                break;
            }
            ObjectNode p = next;
            advance();
            if (c == 0) {
                match = p;
                break;
            }
            checks.orphan(p);
        }
        checks.compare(city, match);
    }

    /** After the last city dossier: the portal's remaining dossiers are orphans. */
    void finish() {
        prime();
        while (next != null) {
            ObjectNode p = next;
            advance();
            checks.orphan(p);
        }
    }

    long cityCount() {
        return cityCount;
    }

    long portalCount() {
        return portalCount;
    }

    /** Portal dossiers without a MaHoSo (skipped: nothing to match them by). */
    long portalWithoutKey() {
        return portalWithoutKey;
    }

    private void prime() {
        if (!primed) {
            primed = true;
            advance();
        }
    }

    private void advance() {
        next = null;
        nextKey = null;
        while (portal.hasNext()) {
            ObjectNode p = portal.next();
            String key = PortalForm.text(p, PortalForm.MA_HO_SO);
            if (key == null) {
                portalWithoutKey++;
                continue;
            }
            if (lastPortal != null && key.compareTo(lastPortal) <= 0) {
                throw new IllegalStateException(
                        "The portal's dossiers are not in strictly increasing MaHoSo byte order: '" + key + "' after '"
                                + lastPortal + "'");
            }
            lastPortal = key;
            portalCount++;
            next = p;
            nextKey = key;
            return;
        }
    }
}
