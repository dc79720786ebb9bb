package vn.dvcsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvcsync.reconcile.Fixtures.dossier;
import static vn.dvcsync.reconcile.Fixtures.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.simulator.PortalSettings;
import vn.dvcsync.simulator.PortalSimulator;

/** The portal side read through the real client from the portal simulator, page by page. */
class PortalPagesTest {

    private static CamelContext camel;
    private static PortalSimulator simulator;
    private static PortalClient client;

    /** Ten dossiers of the period, in byte order, and two outside it (received at its start − 1 s and at its end). */
    private static final List<Dossier> CITY = Fixtures.byCode(List.of(
            dossier("H26.000.00.04-250110-0001"), dossier("H26.000.00.04-250110-0002"),
            dossier("H26.000.00.04-250110-0010"), dossier("H26.000.00.04.250110-0003"),
            dossier("H26.000.00.04_250110-0004"), dossier("H26.000.00.31-250110-0001"),
            dossier("H26.000.00.31-250110-0002"), dossier("H26.000.00.31-250111-0001"),
            dossier("H26.000.00.04-250110-000"), dossier("H26.A")));

    private static final List<Dossier> OUTSIDE = List.of(
            dossier(
                    "H26.000.00.04-240229-0001",
                    d -> d.received = Fixtures.PERIOD.from().minusSeconds(1)),
            dossier("H26.000.00.04-250301-0001", d -> d.received = Fixtures.PERIOD.to()));

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
        simulator = new PortalSimulator(
                        new PortalSettings(0, "gateway", "secret-pw", "H26", "000.00.00.H26", Clock.systemUTC(), 1L))
                .start();
        PortalProperties properties = new PortalProperties(
                null,
                "gateway",
                "secret-pw",
                50,
                0,
                Duration.ofSeconds(5),
                new PortalProperties.Retry(2, Duration.ofMillis(10), 2.0, Duration.ofSeconds(1)));
        client = new PortalClient(
                properties,
                new ProvinceProperties("H26", "000.00.00.H26"),
                simulator::baseUrl,
                camel.createProducerTemplate(),
                new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        simulator.close();
        camel.stop();
    }

    @BeforeEach
    void load() {
        simulator.clear();
        List<ObjectNode> copies = new ArrayList<>(portal(CITY));
        copies.addAll(portal(OUTSIDE));
        Collections.shuffle(copies, new Random(7));
        simulator.preload(copies);
        simulator.reset();
    }

    @ParameterizedTest(name = "page size {0}: {1} page(s)")
    @CsvSource({"1, 10", "2, 5", "3, 4", "5, 2", "10, 1", "5000, 1"})
    void everyDossierOfThePeriodComesOnceInByteOrder(int pageSize, int pages) {
        List<String> keys = new ArrayList<>();
        try (PortalPages portal = new PortalPages(client, Fixtures.PERIOD, pageSize)) {
            portal.forEachRemaining(d -> keys.add(d.get("MaHoSo").textValue()));
            assertThat(portal.pages()).isEqualTo(pages);
        }
        assertThat(keys)
                .containsExactlyElementsOf(CITY.stream().map(Dossier::code).toList());
        assertThat(simulator.calls("DanhSachHoSo")).isEqualTo(pages);
    }

    @ParameterizedTest(name = "page size {0}")
    @CsvSource({"1", "5", "3"})
    void theMergeOverPagesFindsWhatTheMergeInMemoryFinds(int pageSize) {
        List<Dossier> city = new ArrayList<>(CITY);
        city.remove(4);
        city.set(2, dossier(city.get(2).code(), d -> d.status = "CHO_BO_SUNG"));
        city.set(6, dossier(city.get(6).code(), d -> d.due = OffsetDateTime.parse("2025-03-25T17:00:00+07:00")));
        city.add(dossier("H26.B"));

        List<Mismatch> rows = new ArrayList<>();
        IndexFacts facts = new IndexFacts();
        DossierChecks checks = new DossierChecks(
                Fixtures.MAPPING,
                Fixtures.RULES,
                "H26",
                Fixtures.FRESHNESS,
                Fixtures.PERIOD.portalTo(),
                Fixtures.CATALOGUE,
                rows::add);
        try (PortalPages portal = new PortalPages(client, Fixtures.PERIOD, pageSize)) {
            new DossierMerge(checks, portal).run(city.iterator());
        }
        checks.flush(facts);

        Fixtures.Result inMemory = Fixtures.merge(city, portal(CITY));
        assertThat(rows).hasSize(4).containsExactlyInAnyOrderElementsOf(inMemory.rows());
        assertThat(facts.get(Fixtures.UNIT, IndexFacts.DOSSIERS_ON_PORTAL))
                .isEqualTo(inMemory.facts().get(Fixtures.UNIT, IndexFacts.DOSSIERS_ON_PORTAL))
                .isEqualTo(9);
    }

    @Test
    void anEmptyPortalIsOnePageOfNothing() {
        simulator.clear();
        try (PortalPages portal = new PortalPages(client, Fixtures.PERIOD, 5)) {
            assertThat(portal.hasNext()).isFalse();
            assertThat(portal.pages()).isEqualTo(1);
        }
    }
}
