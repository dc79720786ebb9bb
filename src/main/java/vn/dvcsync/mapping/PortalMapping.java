package vn.dvcsync.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;

/**
 * The city → portal transformation declared in {@code mappings/}: {@code dossier-fields.yaml},
 * {@code step-fields.yaml} and the code tables of {@code code-tables.yaml}. Parsed once by
 * {@link #load}; applying it is a fixed list of accessor + converter pairs per record.
 *
 * <p>Values are converted to the portal's shape: codes and flags as JSON strings, times in Vietnam time
 * {@code yyyyMMddHHmmss}, text as written or in Unicode NFC as {@code text-policy.yaml} says ({@link TextPolicy});
 * absent or blank values are omitted. A value that cannot
 * be converted (a city code a {@code reject} table does not list) is omitted too, never thrown:
 * {@link PortalRules} then reports the field as missing, so the record is quarantined, never sent.
 * Immutable and thread-safe.
 */
public final class PortalMapping {

    private final RecordMapping<Dossier> dossier;
    private final RecordMapping<Step> step;
    private final CodeTable status;
    private final boolean normalise;

    private PortalMapping(
            RecordMapping<Dossier> dossier, RecordMapping<Step> step, CodeTable status, boolean normalise) {
        this.dossier = dossier;
        this.step = step;
        this.status = status;
        this.normalise = normalise;
    }

    /**
     * Parses and checks the mapping folder, its text policy included.
     *
     * @throws MappingException naming the file, line and key when a mapping is missing or wrong
     */
    public static PortalMapping load(Path mappingsDir) {
        return load(mappingsDir, TextPolicy.load(mappingsDir));
    }

    /**
     * Parses and checks the mapping folder; text is converted as {@code text} says.
     *
     * @throws MappingException naming the file, line and key when a mapping is missing or wrong
     */
    public static PortalMapping load(Path mappingsDir, TextPolicy text) {
        Map<String, CodeTable> tables = CodeTable.loadAll(mappingsDir.resolve("code-tables.yaml"), mappingsDir);
        Path dossierFile = mappingsDir.resolve("dossier-fields.yaml");
        Path stepFile = mappingsDir.resolve("step-fields.yaml");
        RecordMapping<Dossier> dossier =
                RecordMapping.compile(dossierFile, Sources.DOSSIER, PortalRules.DOSSIER_FIELDS, tables, text);
        RecordMapping<Step> step = RecordMapping.compile(stepFile, Sources.STEP, PortalRules.STEP_FIELDS, tables, text);
        CodeTable status = dossier.rejectingTable(dossierFile, "TrangThaiHoSo");
        step.rejectingTable(stepFile, "TrangThai");
        return new PortalMapping(dossier, step, status, text.normalises());
    }

    /** The dossier in the portal's {@code DongBoHoSoMC} shape (not yet validated: see {@link PortalRules}). */
    public ObjectNode dossier(Dossier d) {
        return dossier.apply(d);
    }

    /**
     * Whether {@code d} or {@code steps} hold text that is sent in NFC although the city wrote it otherwise
     * ({@code text-policy.yaml}: normalise), counted per run as normalised.
     */
    public boolean normalises(Dossier d) {
        return normalise && dossier.hasTextNotNfc(d);
    }

    /** Whether a text of {@code s} is sent in NFC although the city wrote it otherwise. */
    public boolean normalises(Step s) {
        return normalise && step.hasTextNotNfc(s);
    }

    /** The step in the portal's {@code CapNhatTienDoHoSoMC} shape (not yet validated). */
    public ObjectNode step(Step s) {
        return step.apply(s);
    }

    /**
     * The portal status code of a city status, through the same table as {@code TrangThaiHoSo}.
     *
     * @return empty when the city status is null or not in the table
     */
    public Optional<String> portalStatus(String cityStatus) {
        return cityStatus == null
                ? Optional.empty()
                : Optional.ofNullable(status.translate(TextPolicy.nfc(cityStatus)));
    }
}
