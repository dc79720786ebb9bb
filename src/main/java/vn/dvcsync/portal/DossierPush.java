package vn.dvcsync.portal;

import static vn.dvcsync.portal.Codes.PUSH_DOSSIERS;
import static vn.dvcsync.portal.Codes.codes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcsync.portal.PortalClient.ItemResult;

/**
 * The create/update fallback of {@code DongBoHoSoMC}: a dossier the portal does not have (code {@code 4} on
 * update) is sent again as a create; one it already has (code {@code 3} on create) is sent again as an update,
 * after a look-up when an earlier sending of it may have got through. Once each.
 */
final class DossierPush {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    private final BatchPush batches;

    DossierPush(BatchPush batches) {
        this.batches = batches;
    }

    List<ItemResult> push(List<ObjectNode> dossiers, boolean updating, Set<String> unconfirmed) {
        Set<String> handedBefore = Set.copyOf(unconfirmed);
        List<ItemResult> results = new ArrayList<>(batches.push(PUSH_DOSSIERS, dossiers, updating, unconfirmed));
        ItemCode wrongGuess = updating ? ItemCode.NOT_FOUND : ItemCode.ALREADY_EXISTS;
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).is(wrongGuess)) {
                again.add(i);
            }
        }
        if (!again.isEmpty()) {
            log.info(
                    "portal {}: {} dossier(s) {}",
                    PUSH_DOSSIERS,
                    again.size(),
                    updating
                            ? "unknown to the portal; sending them again as creates"
                            : "already on the portal; sending them again as updates (after a look-up if unconfirmed)");
            List<ObjectNode> resend = again.stream().map(dossiers::get).toList();
            // For a dossier handed over before without an answer, "already exists" may mean that earlier attempt
            // got through: check before writing. Any other dossier is written: the portal's copy came from
            // elsewhere, and at least its NgayCapNhat is behind.
            Set<String> check = new HashSet<>(updating ? Set.of() : codes(resend));
            check.retainAll(handedBefore);
            List<ItemResult> second = batches.push(PUSH_DOSSIERS, resend, !updating, check);
            for (int k = 0; k < again.size(); k++) {
                results.set(again.get(k), second.get(k));
            }
        }
        return results;
    }
}
