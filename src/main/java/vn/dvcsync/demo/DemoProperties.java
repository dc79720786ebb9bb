package vn.dvcsync.demo;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo city ({@code dvcsync.demo.*}), generated when no city URL is configured.
 *
 * @param dossiers    how many dossiers
 * @param seed        the generator's seed: same seed and anchor, same city
 * @param defectShare share of records with a planted defect
 * @param anchor      the day the 365 days of dossiers end; absent: today in Vietnam
 */
@ConfigurationProperties("dvcsync.demo")
record DemoProperties(
        @DefaultValue("20000") int dossiers,
        @DefaultValue("766") long seed,
        @DefaultValue("0.03") double defectShare,
        LocalDate anchor) {
}
