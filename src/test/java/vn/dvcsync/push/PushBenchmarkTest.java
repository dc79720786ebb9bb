package vn.dvcsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The push benchmark (README, "Push benchmark"): N pending dossiers in the ledger pushed through the push
 * route to the portal simulator answering in 20 ms and allowing 50 calls a second. Prints one line:
 * {@code push dossiers=N seconds=S per_second=R portal_limit_per_second=L utilisation=U http_429=K duplicates=D}
 * where utilisation is R / (L × batch size). Not part of the default build: {@code ./mvnw -B -Pbenchmark test}
 * ({@code -Dbenchmark.dossiers=N}, default 100000).
 */
@Tag("benchmark")
@SpringBootTest(
        properties = {
            "dvcsync.demo.dossiers=200",
            "dvcsync.population.max-lookups-per-run=0",
            "dvcsync.portal.rate-per-second=50",
            "dvcsync.simulator.portal.rate-per-second=50",
            "dvcsync.simulator.portal.latency-min-ms=20",
            "dvcsync.simulator.portal.latency-max-ms=20"
        })
@ActiveProfiles("test")
class PushBenchmarkTest {

    @Autowired
    RunService runs;

    @Autowired
    ProducerTemplate camel;

    @Autowired
    PortalSimulator portal;

    @Autowired
    PortalProperties props;

    @Autowired
    JdbcTemplate store;

    @Test
    void pushesWithinThePortalRate() {
        int n = Integer.getInteger("benchmark.dossiers", 100_000);
        // a dossier the portal accepts, as the template of N pending ones with their own MaHoSo
        assertThat(runs.execute(RunType.INCREMENTAL).status()).isEqualTo("SUCCEEDED");
        String template = store.queryForObject(
                "select payload::text from ledger where record_type = 'DOSSIER' and status = 'DELIVERED' limit 1",
                String.class);
        store.update("""
                insert into ledger (record_type, record_key, version, unit_code, status, payload)
                select 'DOSSIER', k, 1, '000.00.04.H26', 'PENDING', jsonb_set(cast(? as jsonb), '{MaHoSo}', to_jsonb(k))
                from (select 'H26.BENCH-' || lpad(i::text, 7, '0') as k from generate_series(1, ?) i) keys
                """, template, n);
        store.execute("analyze ledger");
        portal.reset();

        long start = System.nanoTime();
        camel.sendBodyAndHeader("direct:push-dossiers", null, "runId", "benchmark");
        double seconds = (System.nanoTime() - start) / 1e9;

        long delivered = store.queryForObject(
                "select count(*) from ledger where record_key like 'H26.BENCH-%' and status = 'DELIVERED'", Long.class);
        long duplicates = store
                .queryForList("select record_key from ledger where record_key like 'H26.BENCH-%'", String.class)
                .stream()
                .filter(k -> portal.writes(k) > 1)
                .count();
        long calls = portal.calls("DongBoHoSoMC");
        double perSecond = n / seconds;
        int limit = portal.knobs().ratePerSecond();
        System.out.println(String.format(
                Locale.ROOT,
                "push dossiers=%d seconds=%.1f per_second=%.1f portal_limit_per_second=%d utilisation=%.3f http_429=%d duplicates=%d",
                n,
                seconds,
                perSecond,
                limit,
                perSecond / ((double) limit * props.batchSize()),
                portal.http429Count(),
                duplicates));
        assertThat(delivered).isEqualTo(n);
        assertThat(duplicates).isZero();
        assertThat(portal.http429Count()).isLessThan(Math.max(1, calls / 100));
    }
}
