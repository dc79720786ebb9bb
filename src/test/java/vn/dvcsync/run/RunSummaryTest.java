package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void stepsLeftUnconfirmedHaveALineSayingWhatAnAdminDoes() {
        String summary = RunSummary.format(
                "r1",
                RunType.INCREMENTAL,
                "SUCCEEDED",
                Duration.ofSeconds(3),
                Map.of("run.step.delivered", 40L, "push.steps_unconfirmed", 7L, "ledger.step.failed", 7L),
                null);

        assertThat(summary)
                .contains("  delivered    0 dossiers, 40 progress steps")
                .contains("  failed       0 dossiers, 7 progress steps (dead letters, whole ledger)")
                .contains("  unconfirmed  7 progress steps sent whose answer was lost, not sent again: dead letters "
                        + "(UNCONFIRMED) to check on the portal and replay if missing")
                .doesNotContain("resent");
        assertThat(RunSummary.format(
                        "r2",
                        RunType.INCREMENTAL,
                        "SUCCEEDED",
                        Duration.ofSeconds(3),
                        Map.of("run.step.delivered", 40L),
                        null))
                .doesNotContain("unconfirmed");
    }
}
