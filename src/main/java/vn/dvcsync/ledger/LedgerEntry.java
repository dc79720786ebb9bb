package vn.dvcsync.ledger;

/**
 * A city record version entering the ledger.
 *
 * @param recordType {@link Ledger#DOSSIER} or {@link Ledger#STEP}
 * @param recordKey  MaHoSo, or MaHoSo/step id
 * @param version    dossier: cap_nhat_luc in epoch µs; step: hash of its portal form
 * @param parentKey  a step's dossier MaHoSo; null for a dossier
 * @param reason     null for a record to push; otherwise why it is quarantined (e.g. DOSSIER_INVALID)
 * @param rule       with a reason: the rule broken (the portal field it concerns)
 * @param message    with a reason: a readable explanation naming the record and the rule
 * @param payload    the portal JSON
 */
public record LedgerEntry(
        String recordType,
        String recordKey,
        long version,
        String parentKey,
        String unitCode,
        String reason,
        String rule,
        String message,
        String payload) {}
