package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import vn.dvcsync.kernel.Vietnam;

/**
 * The first nightly run on a portal holding the city's history, with the default steps policy
 * ({@code after-portal-copy}): it writes exactly the differing dossiers (as updates, once each), creates exactly
 * the missing ones, adopts the rest without sending them, and sends only the steps after each copy's
 * {@code NgayCapNhat}.
 */
@SpringBootTest(properties = {"dvcsync.demo.dossiers=400", "dvcsync.report-dir=target/test-reports/first-nightly"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstNightlyAdoptsTest extends FirstNightlyRun {

    private static final DateTimeFormatter PORTAL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Vietnam.ZONE);

    @Test
    @Order(1)
    void writesExactlyTheDifferingAndTheMissingDossiersOnceEach() {
        Map<String, Integer> written = new HashMap<>();
        sendable.keySet().stream().filter(k -> portal.writes(k) > 0).forEach(k -> written.put(k, portal.writes(k)));
        assertThat(written.keySet())
                .as("dossiers written")
                .containsExactlyInAnyOrderElementsOf(union(differing, missing));
        assertThat(written.values()).as("writes per dossier").containsOnly(1);
        assertThat(portal.dossiersSent().values())
                .as("no dossier sent twice (no create answered \"already exists\")")
                .containsOnly(1);
        assertThat(portal.dossiersSent().keySet()).doesNotContainAnyElementsOf(identical());
        for (String key : union(differing, missing)) {
            ObjectNode held = portal.dossier(key).orElseThrow();
            held.remove(List.of("NgayDongBo", "NgayCapNhat"));
            assertThat(held).as("portal copy of %s", key).isEqualTo(mapping.dossier(sendable.get(key)));
        }
    }

    @Test
    @Order(2)
    void theLedgerRecordsTheRestAsAdoptedAtThePortalsLastUpdate() {
        Map<String, OffsetDateTime> adopted = new HashMap<>();
        store.query("""
                select record_key, delivered_at from ledger
                where record_type = 'DOSSIER' and status = 'DELIVERED' and reason = 'ADOPTED'""", rs -> {
            adopted.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
        });
        assertThat(adopted.keySet()).containsExactlyInAnyOrderElementsOf(identical());
        adopted.forEach((key, at) -> assertThat(PORTAL_TIME.format(at))
                .as("delivered_at of %s", key)
                .isEqualTo(copies.get(key).get("NgayCapNhat").asText()));
        assertThat(store.queryForObject(
                        "select count(*) from ledger where record_type = 'DOSSIER' and status = 'PENDING'", Long.class))
                .isZero();
    }

    @Test
    @Order(3)
    void theSummaryCountsAdoptedUpdatedAndCreated() {
        assertThat(count("run.dossier.delivered.ADOPTED")).isEqualTo(identical().size());
        assertThat(count("pushed.dossiers_updated")).isEqualTo(differing.size());
        assertThat(count("pushed.dossiers_created")).isEqualTo(missing.size());
        assertThat(RunSummary.format(
                        nightly.id(), RunType.NIGHTLY, "SUCCEEDED", java.time.Duration.ZERO, nightly.counts(), null))
                .contains("  dossiers     " + identical().size() + " adopted (the portal held them as the city does: "
                        + "not sent), " + differing.size() + " updated, " + missing.size() + " created");
    }

    @Test
    @Order(4)
    void onlyTheStepsAfterThePortalCopysLastUpdateAreSent() {
        for (String key : sendable.keySet()) {
            ObjectNode copy = copies.get(key);
            List<ObjectNode> expected = steps.get(key).stream()
                    .filter(s -> copy == null
                            || s.get("ThoiDiemXuLy")
                                            .asText()
                                            .compareTo(copy.get("NgayCapNhat").asText())
                                    > 0)
                    .toList();
            assertThat(stepsSent(key)).as("steps sent of %s", key).isEqualTo(expected);
        }
        assertThat(stepsSent(plantedHere))
                .as("the planted copy's steps after its first")
                .hasSize(steps.get(plantedHere).size() - 1);
    }

    @Test
    @Order(5)
    void aSecondNightlyWritesNothing() {
        long writes = portal.totalWrites();
        Run second = runs.execute(RunType.NIGHTLY);
        assertThat(second.status()).isEqualTo("SUCCEEDED");
        assertThat(portal.totalWrites()).isEqualTo(writes);
        assertThat(second.counts()).doesNotContainKey("run.dossier.delivered.ADOPTED");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
