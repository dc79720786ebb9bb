package vn.dvcsync.kernel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The province the gateway serves, as every feature needs it: {@code dvcsync.province-code} and
 * {@code dvcsync.portal.madonvi} (the names fixed by the gateway's interface).
 *
 * @param provinceCode prefix of dossier codes, e.g. H26
 * @param portal       the province on the portal
 */
@ConfigurationProperties("dvcsync")
public record ProvinceProperties(
        @DefaultValue("H26") String provinceCode,
        @DefaultValue Portal portal) {

    private static final String DEFAULT_UNIT_NAME = "Ủy ban nhân dân Thành phố Hà Nội";

    /**
     * @param madonvi  the province's agency code on the portal, sent in every call and the unit of its procedures
     * @param unitName the name of that unit (the province-level unit of the procedures) in reports
     */
    public record Portal(
            @DefaultValue("000.00.00.H26") String madonvi,

            @DefaultValue(DEFAULT_UNIT_NAME) String unitName) {}

    @ConstructorBinding
    public ProvinceProperties {}

    public ProvinceProperties(String provinceCode, String madonvi) {
        this(provinceCode, new Portal(madonvi, DEFAULT_UNIT_NAME));
    }

    /** The name of the province-level unit in reports ({@code dvcsync.portal.unit-name}). */
    public String unitName() {
        return portal.unitName();
    }

    /** The province's agency code on the portal ({@code dvcsync.portal.madonvi}). */
    public String madonvi() {
        return portal.madonvi();
    }
}
