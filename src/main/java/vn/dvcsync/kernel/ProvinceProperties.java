package vn.dvcsync.kernel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Province-wide settings of the synchronisation ({@code dvcsync.*}).
 *
 * @param provinceCode prefix of dossier codes, e.g. {@code H26}
 */
@ConfigurationProperties("dvcsync")
public record ProvinceProperties(@DefaultValue("H26") String provinceCode) {
}
