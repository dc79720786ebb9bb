package vn.dvcsync.ledger;

/**
 * A ledger row claimed for a push.
 *
 * @param deliveredBefore an earlier version of this record is on the portal: send it as an update
 */
public record Claimed(long id, String recordKey, long version, String parentKey, String payload,
                      int attempts, boolean deliveredBefore) {
}
