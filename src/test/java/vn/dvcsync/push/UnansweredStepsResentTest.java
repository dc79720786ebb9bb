package vn.dvcsync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The time-out scenario of {@link DeliveryUnderFaultsTest} for progress steps with
 * the default {@code dvcsync.portal.unanswered-steps=resend}: a step
 * batch whose answer was lost is sent again, so every step is delivered, the portal may hold some twice, and each
 * step so delivered is counted ({@code push.steps_resent_unconfirmed}).
 */
@SpringBootTest(
        properties = {
            "dvcsync.demo.dossiers=200",
            "dvcsync.demo.portal-history=false",
            "dvcsync.portal.batch-size=5",
            "dvcsync.portal.concurrency=4",
            "dvcsync.portal.timeout=300ms",
            "dvcsync.portal.retry.initial-delay=400ms",
            "dvcsync.portal.retry.max-delay=1s",
            "dvcsync.ledger.retry-delay=PT0S",
            "dvcsync.population.max-lookups-per-run=0"
        })
@ActiveProfiles("test")
class UnansweredStepsResentTest {

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    DemoCity demo;

    @Autowired
    JdbcTemplate store;

    @Test
    void stepsWhoseAnswerWasLostAreSentAgainAndCounted() {
        assertThat(runs.execute(RunType.INCREMENTAL).status()).isEqualTo("SUCCEEDED");
        long deliveredBefore = deliveredSteps();
        // 5 steps each for every fifth dossier: about 40 calls, of which about one in five times out
        Set<String> touched = DeliveryUnderFaultsTest.addSteps(5, 5, store, demo);
        Map<String, List<ObjectNode>> before = stepsOnThePortal(touched);

        // about one call in five takes longer than the 300 ms time-out, and is processed all the same
        portal.knobs().latency(0, 380);
        List<Run> pushed = new ArrayList<>();
        do {
            pushed.add(runs.execute(RunType.INCREMENTAL));
        } while (store.queryForObject("select count(*) from ledger where status = 'PENDING'", Long.class) > 0
                && pushed.size() < 5);
        portal.knobs().defaults().ratePerSecond(0);

        long delivered = deliveredSteps() - deliveredBefore;
        long counted = pushed.stream()
                .mapToLong(r -> DeliveryUnderFaultsTest.counted(r, Pusher.STEPS_RESENT_UNCONFIRMED))
                .sum();
        Map<String, List<ObjectNode>> after = stepsOnThePortal(touched);
        long copies = after.values().stream().mapToLong(List::size).sum()
                - before.values().stream().mapToLong(List::size).sum();
        long doubled = doubled(after) - doubled(before);
        assertThat(delivered).as("every new step delivered").isEqualTo(touched.size() * 5L);
        assertThat(StepsOnThePortal.unconfirmedSteps(
                        store, pushed.stream().map(Run::id).toList()))
                .isEmpty();
        assertThat(copies).as("copies of the new steps on the portal").isGreaterThan(delivered);
        assertThat(doubled)
                .as("steps the portal holds more than once (it cannot be asked)")
                .isPositive()
                .isLessThanOrEqualTo(counted);
    }

    private long deliveredSteps() {
        return store.queryForObject(
                "select count(*) from ledger where record_type = 'STEP' and status = 'DELIVERED'", Long.class);
    }

    private Map<String, List<ObjectNode>> stepsOnThePortal(Set<String> dossiers) {
        return dossiers.stream().collect(Collectors.toMap(d -> d, portal::steps));
    }

    /** How many distinct steps of a dossier the portal holds more than once. */
    private static long doubled(Map<String, List<ObjectNode>> steps) {
        return steps.values().stream()
                .mapToLong(held ->
                        held.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())).values().stream()
                                .filter(n -> n > 1)
                                .count())
                .sum();
    }
}
