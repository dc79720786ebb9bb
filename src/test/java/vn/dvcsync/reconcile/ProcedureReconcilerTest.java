package vn.dvcsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvcsync.reconcile.ProcedureReconciler.CityProcedure;

class ProcedureReconcilerTest {

    private static final String PROVINCE = "000.00.00.H26";
    private static final LocalDate DEADLINE = LocalDate.of(2024, 6, 30);

    @Test
    void eachProcedureCategoryIsFoundByItsMeaning() {
        List<CityProcedure> inForce = List.of(
                new CityProcedure("P1", DEADLINE), // public before the deadline
                new CityProcedure("P2", DEADLINE), // public on the deadline day
                new CityProcedure("P3", DEADLINE), // in the catalogue, not public
                new CityProcedure("P4", DEADLINE), // absent from the catalogue, and cited
                new CityProcedure("P5", DEADLINE), // public the day after
                new CityProcedure("P6", null), // public, no deadline
                new CityProcedure("P7", DEADLINE)); // public, date unknown
        List<ObjectNode> catalogue = List.of(
                entry("P1", "1", "20240101"),
                entry("P2", "1", "20240630"),
                entry("P3", "0", null),
                entry("P5", "1", "20240701"),
                entry("P6", "1", "20250101"),
                entry("P7", "1", null),
                entry("P9", "1", "20240101"));
        List<String> cited = Arrays.asList("P1", "P4", "P8", "P9", null, "P8");
        List<Mismatch> rows = new ArrayList<>();
        IndexFacts facts = new IndexFacts();
        facts.unitName(PROVINCE, "UBND thành phố Hà Nội");

        ProcedureReconciler.compare(inForce, cited, catalogue, PROVINCE, rows::add, facts);

        assertThat(rows)
                .containsExactlyInAnyOrder(
                        row("PROCEDURE_NOT_PUBLIC", "P3", "CongKhai", "1", "0"),
                        row("PROCEDURE_NOT_PUBLIC", "P4", "CongKhai", "1", ""),
                        row("PROCEDURE_PUBLIC_LATE", "P5", "NgayCongKhai", "20240630", "20240701"),
                        row("PROCEDURE_PUBLIC_LATE", "P7", "NgayCongKhai", "20240630", ""),
                        row("PROCEDURE_UNKNOWN", "P4", "MaTTHC", "P4", ""),
                        row("PROCEDURE_UNKNOWN", "P8", "MaTTHC", "P8", ""));
        assertThat(facts.get(PROVINCE, IndexFacts.PROCEDURES_IN_FORCE)).isEqualTo(7);
        assertThat(facts.get(PROVINCE, IndexFacts.PROCEDURES_PUBLIC_ON_TIME)).isEqualTo(3);
    }

    @Test
    void aCatalogueMatchingTheCityGivesNoRows() {
        List<Mismatch> rows = new ArrayList<>();
        IndexFacts facts = new IndexFacts();

        ProcedureReconciler.compare(
                List.of(new CityProcedure("P1", DEADLINE)),
                List.of("P1"),
                List.of(entry("P1", "1", "20240630")),
                PROVINCE,
                rows::add,
                facts);

        assertThat(rows).isEmpty();
        assertThat(facts.get(PROVINCE, IndexFacts.PROCEDURES_PUBLIC_ON_TIME)).isEqualTo(1);
    }

    private static Mismatch row(String category, String code, String field, String city, String portal) {
        return new Mismatch(category, "PROCEDURE", code, PROVINCE, "UBND thành phố Hà Nội", field, city, portal);
    }

    private static ObjectNode entry(String code, String congKhai, String ngayCongKhai) {
        ObjectNode e = JsonNodeFactory.instance
                .objectNode()
                .put("MaTTHC", code)
                .put("TenTTHC", "Thủ tục " + code)
                .put("MaLinhVuc", "XD")
                .put("TenLinhVuc", "Xây dựng")
                .put("CongKhai", congKhai);
        return ngayCongKhai == null ? e.putNull("NgayCongKhai") : e.put("NgayCongKhai", ngayCongKhai);
    }
}
