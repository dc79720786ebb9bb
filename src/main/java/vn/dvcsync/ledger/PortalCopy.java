package vn.dvcsync.ledger;

/**
 * A dossier the portal already holds, as a comparison of the city with the portal found it: the input of
 * {@link Ledger#firstContact}.
 *
 * @param key           MaHoSo
 * @param version       the city version compared ({@code cap_nhat_luc} in epoch µs)
 * @param unitCode      the city's unit of the dossier
 * @param payload       the dossier in the portal's form, as a push would send it (written only when adopted)
 * @param identical     the portal holds it equal on every compared field: adopted, not sent
 * @param portalUpdated the portal copy's {@code NgayCapNhat} ({@code yyyyMMddHHmmss}, Vietnam time); null if it has none
 */
public record PortalCopy(
        String key, long version, String unitCode, String payload, boolean identical, String portalUpdated) {}
