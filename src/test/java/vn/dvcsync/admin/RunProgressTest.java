package vn.dvcsync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.run.Run;

/** What the runs page's bar says of a run, from its counts so far. */
class RunProgressTest {

    static final OffsetDateTime START = OffsetDateTime.now(Vietnam.ZONE).minusSeconds(65);

    static Run run(String type, String status, Map<String, Object> counts) {
        return new Run(
                "r", type, status, START, "RUNNING".equals(status) ? null : START.plusSeconds(125), counts, null, "i");
    }

    @Test
    void anIncrementalRunReadsThenPushesItsShareAndIsFullOnceFinished() {
        RunProgress reading = RunProgress.of(run("incremental", "RUNNING", Map.of()));
        assertThat(reading.phase()).isEqualTo("EXTRACT");
        assertThat(reading.percent()).isZero();

        RunProgress pushing = RunProgress.of(run(
                "incremental",
                "RUNNING",
                Map.of(
                        "extracted.dossiers", 100L,
                        "run.dossier.pending", 30L,
                        "run.dossier.delivered.created", 60L,
                        "run.dossier.failed", 10L)));
        assertThat(pushing.phase()).isEqualTo("PUSH");
        assertThat(pushing.percent()).isEqualTo(70);
        assertThat(pushing.handled()).isEqualTo(70);
        assertThat(pushing.total()).isEqualTo(100);
        assertThat(pushing.count("run.dossier.delivered")).isEqualTo(60);
        assertThat(pushing.took()).isEqualTo("1:05");

        RunProgress allSentNotOver = RunProgress.of(
                run("incremental", "RUNNING", Map.of("extracted.dossiers", 1L, "run.dossier.delivered", 5L)));
        assertThat(allSentNotOver.percent()).as("not full before it ends").isEqualTo(99);

        RunProgress done = RunProgress.of(run("incremental", "FAILED", Map.of("run.dossier.failed", 3L)));
        assertThat(done.phase()).isEqualTo("DONE");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.took()).isEqualTo("2:05");
    }

    @Test
    void aComparisonHasNoShareUntilItEnds() {
        assertThat(RunProgress.of(run("reconcile", "RUNNING", Map.of())).percent())
                .isEqualTo(-1);
        RunProgress nightly = RunProgress.of(
                run("nightly", "RUNNING", Map.of("extracted.dossiers", 2L, "run.dossier.delivered", 2L)));
        assertThat(nightly.phase()).isEqualTo("RECONCILE");
        assertThat(nightly.percent()).isEqualTo(-1);
    }
}
