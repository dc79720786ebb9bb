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
 * @param portalHistory put the city's past on the portal simulator at start, with the planted portal-side
 *                    differences (orphans, stale copies, other statuses and fields, missing dossiers), as a
 *                    portal that was fed before the gateway came would hold it
 */
@ConfigurationProperties("dvcsync.demo")
record DemoProperties(
        @DefaultValue("20000") int dossiers,
        @DefaultValue("766") long seed,
        @DefaultValue("0.03") double defectShare,
        LocalDate anchor,
        @DefaultValue("true") boolean portalHistory) {}
