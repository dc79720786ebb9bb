package vn.dvcsync.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.util.unit.DataSize;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.population.PopulationClient;
import vn.dvcsync.population.PopulationProperties;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.portal.UnansweredSteps;

/**
 * Run in a JVM of its own with a small heap ({@link HostileRepliesUnderSmallHeapTest}): the gateway's portal and
 * population clients, as configured by default but for shorter deadlines and fewer attempts, call the services given
 * as arguments ({@code <label>=portal:<url>} or {@code <label>=population:<url>}) and print, for each, one line
 * {@code <label> refused after <ms> ms: <error>} (or {@code <label> ANSWERED}). Exit code 0 when every call ended.
 */
public final class HostileReplyProbe {

    static final Duration DEADLINE = Duration.ofMillis(1500);
    static final int ATTEMPTS = 2;

    private HostileReplyProbe() {}

    public static void main(String[] args) {
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        for (String arg : args) {
            String label = arg.substring(0, arg.indexOf('='));
            String target = arg.substring(arg.indexOf('=') + 1);
            String url = target.substring(target.indexOf(':') + 1);
            long t0 = System.nanoTime();
            try {
                if (target.startsWith("portal:")) {
                    portal(template, url).procedures();
                } else {
                    population(template, url)
                            .lookup(
                                    "001099012345",
                                    "Nguyễn Văn An",
                                    LocalDate.of(1999, 1, 1),
                                    "1.001612.000.00.00.H26",
                                    "000.00.00.H26");
                }
                System.out.println(label + " ANSWERED");
            } catch (RuntimeException e) {
                System.out.println(label + " refused after " + (System.nanoTime() - t0) / 1_000_000 + " ms: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        camel.stop();
    }

    /** The portal client with its default reply limit (pages of 1,000: 16 MiB). */
    static PortalClient portal(ProducerTemplate template, String url) {
        PortalProperties props = new PortalProperties(
                null,
                "gateway",
                "secret-pw",
                50,
                0,
                1,
                DEADLINE,
                new PortalProperties.Retry(ATTEMPTS, Duration.ofMillis(10), 2.0, Duration.ofMillis(100)),
                PortalProperties.CircuitBreaker.DEFAULTS,
                UnansweredSteps.FAIL);
        return new PortalClient(
                props, new ProvinceProperties("H26", "000.00.00.H26"), () -> url, template, new ObjectMapper());
    }

    /** The population client with its default reply limit (64 KB). */
    static PopulationClient population(ProducerTemplate template, String url) {
        PopulationProperties props = new PopulationProperties(
                null,
                "dvcsync",
                "s3cret",
                "key-1",
                "VN/GOV/000.00.00.H26/DVCSYNC",
                0,
                1,
                Duration.ofDays(30),
                100,
                DEADLINE,
                ATTEMPTS,
                Duration.ofMillis(10),
                Duration.ofMillis(100),
                DataSize.ofKilobytes(64));
        return new PopulationClient(props, () -> url, template, Clock.systemUTC());
    }
}
