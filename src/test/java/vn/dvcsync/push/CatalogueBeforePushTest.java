package vn.dvcsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.CatalogueEntry;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * Issue #8 item 3: the portal's catalogue is read once per run before the push; a dossier citing a procedure it
 * lacks is quarantined ({@code PROCEDURE_UNKNOWN}, the code named) and never sent, and is sent by the first run
 * after the catalogue lists its procedure.
 */
@SpringBootTest(
        properties = {
            "dvcsync.demo.portal-history=false",
            "dvcsync.population.max-lookups-per-run=0",
            "dvcsync.report-dir=target/test-reports/catalogue-before-push"
        })
@ActiveProfiles("test")
class CatalogueBeforePushTest {

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    PortalClient client;

    @Autowired
    JdbcTemplate store;

    @Test
    void aDossierCitingAnUnknownProcedureWaitsUnsentUntilTheCatalogueListsIt() {
        long before = portal.calls("LayDanhSachTTHC");
        Run first = runs.execute(RunType.INCREMENTAL);
        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(portal.calls("LayDanhSachTTHC") - before)
                .as("read once per run")
                .isEqualTo(1);

        List<Map<String, Object>> unknown = store.queryForList("""
                select record_key, payload ->> 'MaTTHC' as code, rule, message from ledger
                where record_type = 'DOSSIER' and status = 'QUARANTINED' and reason = 'PROCEDURE_UNKNOWN'
                order by record_key
                """);
        assertThat(unknown).as("the demo cites procedures the catalogue lacks").isNotEmpty();
        assertThat(unknown).allSatisfy(row -> {
            String key = (String) row.get("record_key");
            assertThat(row.get("rule")).isEqualTo("MaTTHC");
            assertThat((String) row.get("message"))
                    .contains(key, (String) row.get("code"), "LayDanhSachTTHC", "not sent");
            assertThat(portal.writes(key)).as("writes of %s", key).isZero();
        });
        assertThat(portal.calls("DongBoHoSoMC")).isPositive();

        // the national database lists the first one's procedure again
        String key = (String) unknown.get(0).get("record_key");
        String code = (String) unknown.get(0).get("code");
        List<CatalogueEntry> entries = new ArrayList<>();
        client.procedures()
                .forEach(p -> entries.add(new CatalogueEntry(
                        p.path("MaTTHC").asText(),
                        p.path("TenTTHC").asText(),
                        p.path("MaLinhVuc").asText(),
                        p.path("TenLinhVuc").asText(),
                        "1".equals(p.path("CongKhai").asText()),
                        null)));
        entries.add(new CatalogueEntry(code, "Thủ tục " + code, "LV", "Lĩnh vực", true, null));
        portal.setCatalogue(entries);

        assertThat(runs.execute(RunType.INCREMENTAL).status()).isEqualTo("SUCCEEDED");

        assertThat(store.queryForObject(
                        "select status from ledger where record_type = 'DOSSIER' and record_key = ?"
                                + " order by version desc limit 1",
                        String.class,
                        key))
                .isEqualTo("DELIVERED");
        assertThat(portal.dossier(key)).isPresent();
        assertThat(portal.writes(key)).isEqualTo(1);
    }
}
