package vn.dvcsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.demo.DemoCityGenerator;
import vn.dvcsync.demo.DemoSpec;
import vn.dvcsync.push.StepsOnThePortal;
import vn.dvcsync.simulator.CatalogueEntry;
import vn.dvcsync.simulator.PortalSettings;
import vn.dvcsync.simulator.PortalSimulator;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * What outlives a gateway process in these tests: one PostgreSQL holding the store and a demo city, and a
 * portal simulator, both owned by the test.
 */
final class SharedStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final TestPostgres.Database store;
    final DataSource db;
    final JdbcTemplate jdbc;
    final PortalSimulator portal;
    final String clusterName = "cluster-test-" + UUID.randomUUID();

    SharedStore(int dossiers) throws IOException {
        store = TestPostgres.create("cluster");
        db = store.dataSource();
        jdbc = new JdbcTemplate(db);
        new DemoCityGenerator(db)
                .generate(new DemoSpec(dossiers, 766, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), 0.03));
        portal = new PortalSimulator(new PortalSettings(
                        0, "gateway", "portal-test-pw", "H26", "000.00.00.H26", Clock.systemUTC(), 42))
                .start();
        portal.setCatalogue(jdbc.query(
                """
                select ma_tthc, ten_tthc, ma_linh_vuc, ten_linh_vuc, cong_khai, ngay_cong_khai from demo.catalogue
                """,
                (rs, n) -> new CatalogueEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getObject(6, LocalDate.class))));
        portal.knobs().latency(10, 30);
    }

    /** Settings of a gateway on this store and portal: service mode, incremental runs every second, short leases. */
    Map<String, String> gateway() {
        String url = store.jdbcUrl();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dvcsync.store.datasource.url", url);
        p.put("dvcsync.city.datasource.url", url);
        p.put("dvcsync.portal.url", portal.baseUrl());
        p.put("dvcsync.portal.username", "gateway");
        p.put("dvcsync.portal.password", "portal-test-pw");
        p.put("dvcsync.portal.rate-per-second", "10");
        p.put("dvcsync.portal.unanswered-steps", "fail"); // never held twice: what these tests check
        p.put("dvcsync.population.max-lookups-per-run", "0");
        p.put("dvcsync.cluster.name", clusterName);
        p.put("dvcsync.cluster.checkin-interval", "1s");
        p.put("dvcsync.ledger.lease", "PT3S");
        // one portal call with its retries must end within the lease (3 × 500 ms + 2 × 200 ms): see LeaseCheck
        p.put("dvcsync.portal.timeout", "500ms");
        p.put("dvcsync.portal.retry.max-attempts", "3");
        p.put("dvcsync.portal.retry.max-delay", "200ms");
        // a run without heartbeat for 3 s (heartbeats every second) was abandoned by a killed gateway
        p.put("dvcsync.run.abandoned-after", "PT3S");
        p.put("dvcsync.ledger.retry-delay", "PT0S");
        p.put("dvcsync.schedule.incremental", "PT1S");
        p.put("dvcsync.report-dir", "target/gateway-processes/reports");
        p.put("spring.main.web-application-type", "none");
        return p;
    }

    /** A new version of every {@code every}-th city dossier (a later due date); their codes. */
    List<String> touch(int every) {
        return jdbc.queryForList("""
                update city.ho_so set ngay_hen_tra = ngay_hen_tra + interval '1 day', cap_nhat_luc = now()
                where id % ? = 0 returning ma_ho_so
                """, String.class, every);
    }

    /** The progress steps left unconfirmed (dead letters): record key → dossier. */
    Map<String, String> unconfirmedSteps() {
        Map<String, String> steps = new HashMap<>();
        jdbc.query(
                "select record_key, parent_key from ledger where record_type = 'STEP' and status = 'FAILED'"
                        + " and starts_with(last_error, ?)",
                rs -> {
                    steps.put(rs.getString(1), rs.getString(2));
                },
                StepsOnThePortal.UNCONFIRMED_ERROR);
        return steps;
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /**
     * Every city dossier's newest version is in the ledger, DELIVERED (the portal holding exactly that payload)
     * or QUARANTINED with a reason; nothing pending; no dead letter but progress steps sent without an answer
     * ({@code UNCONFIRMED}: an instance was killed while they were in flight), and no step held twice by the portal.
     *
     * @return MaHoSo → how many of its versions were delivered
     */
    Map<String, Integer> assertEveryDossierDeliveredInItsLatestVersionOrQuarantined() throws IOException {
        StepsOnThePortal.assertNothingPendingAndOnlyUnconfirmedStepsFailed(jdbc);
        StepsOnThePortal.assertNoStepHeldTwice(jdbc, portal);
        assertThat(count("""
                select count(*) from city.ho_so h where not exists (
                    select 1 from ledger l where l.record_type = 'DOSSIER' and l.record_key = h.ma_ho_so
                    and l.version = (extract(epoch from h.cap_nhat_luc) * 1000000)::bigint
                    and l.status in ('DELIVERED', 'QUARANTINED'))
                """))
                .as("city dossiers whose latest version is neither delivered nor quarantined")
                .isZero();
        List<Map<String, Object>> newest = jdbc.queryForList("""
                select distinct on (record_key) record_key, status, reason, payload::text as payload from ledger
                where record_type = 'DOSSIER' order by record_key, version desc
                """);
        for (Map<String, Object> row : newest) {
            String key = (String) row.get("record_key");
            if ("QUARANTINED".equals(row.get("status"))) {
                assertThat((String) row.get("reason")).as("reason of %s", key).isNotBlank();
                continue;
            }
            ObjectNode held = portal.dossier(key).orElseThrow(() -> new AssertionError(key + " not on the portal"));
            held.remove(List.of("NgayDongBo", "NgayCapNhat"));
            assertThat(held).as("portal copy of %s", key).isEqualTo(JSON.readTree((String) row.get("payload")));
        }
        Map<String, Integer> delivered = new HashMap<>();
        jdbc.query(
                "select record_key, count(*) from ledger where record_type = 'DOSSIER' and delivered_at is not null group by 1",
                rs -> {
                    delivered.put(rs.getString(1), rs.getInt(2));
                });
        return delivered;
    }

    /** Runs of the store: id → [started, finished (null while running)]. */
    Map<String, OffsetDateTime[]> runs() {
        Map<String, OffsetDateTime[]> runs = new LinkedHashMap<>();
        jdbc.query("select id, started_at, finished_at from run order by started_at", rs -> {
            runs.put(rs.getString(1), new OffsetDateTime[] {
                rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)
            });
        });
        return runs;
    }

    @Override
    public void close() throws IOException {
        portal.close();
    }
}
