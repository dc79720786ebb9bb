package vn.dvcsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvcsync.simulator.PortalCalls.call;
import static vn.dvcsync.simulator.SampleDossiers.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortalSimulatorKnobsTest {

    private PortalSimulator portal;
    private PortalCalls client;
    private String session;

    @BeforeEach
    void start() throws IOException {
        portal = new PortalSimulator(
                        new PortalSettings(0, "dvcsync", "s3cret", "H26", "000.00.00.H26", Clock.systemUTC(), 7L))
                .start();
        portal.setCatalogue(SampleDossiers.CATALOGUE);
        client = new PortalCalls(portal.baseUrl());
        session = client.login("dvcsync", "s3cret");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void callsAboveTheRateGet429WithRetryAfter() throws IOException {
        portal.knobs().ratePerSecond(2);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            answers.add(client.integration(call(session, "LayDanhSachTTHC")));
        }

        assertThat(answers.subList(0, 2))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        List<HttpResponse<String>> refused =
                answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(5);
        assertThat(refused)
                .allSatisfy(
                        r -> assertThat(r.headers().firstValue("Retry-After")).hasValue("1"));
        assertThat(portal.http429Count()).isEqualTo(refused.size());

        portal.knobs().ratePerSecond(0);
        for (int i = 0; i < 60; i++) {
            assertThat(client.integration(call(session, "LayDanhSachTTHC")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void error5xxShareAnswersGatewayErrorsAndProcessesNothing() throws IOException {
        portal.knobs().error5xxShare(1.0).retryAfterSeconds(2);
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> answer = client.integration(sync(dossier("H26.f" + i)));
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(502, 503, 504);
        assertThat(portal.dossierCount()).isZero();
        assertThat(portal.calls("DongBoHoSoMC")).isEqualTo(30);
        assertThat(portal.injectedFaults()).isEqualTo(30);

        portal.knobs().error5xxShare(0.25);
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            failed += client.integration(call(session, "LayDanhSachTTHC")).statusCode() >= 500 ? 1 : 0;
        }
        assertThat(failed).isBetween(25, 75);
    }

    @Test
    void injected429AndCode9ProcessNothing() throws IOException {
        portal.knobs().http429Share(1.0).retryAfterSeconds(0);
        HttpResponse<String> limited = client.integration(sync(dossier("H26.x")));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("0");

        portal.knobs().http429Share(0).code9Share(1.0);
        assertThat(client.answer(sync(dossier("H26.x"))).path("error_code").asText())
                .isEqualTo("9");
        assertThat(portal.dossierCount()).isZero();

        portal.knobs().defaults();
        assertThat(client.answer(sync(dossier("H26.x")))
                        .path("result")
                        .get(0)
                        .path("error_code")
                        .asText())
                .isEqualTo("0");
    }

    @Test
    void aSessionCanBeMadeToExpireEveryNCalls() throws IOException {
        portal.knobs().sessionExpiresEveryCalls(3);
        for (int i = 0; i < 3; i++) {
            assertThat(client.answer(call(session, "LayDanhSachTTHC"))
                            .path("error_code")
                            .asText())
                    .isEqualTo("0");
        }
        assertThat(client.answer(call(session, "LayDanhSachTTHC"))
                        .path("error_code")
                        .asText())
                .isEqualTo("-1");
        assertThat(client.answer(call(session, "LayDanhSachTTHC"))
                        .path("error_code")
                        .asText())
                .isEqualTo("-1");

        String again = client.login("dvcsync", "s3cret");
        assertThat(client.answer(call(again, "LayDanhSachTTHC"))
                        .path("error_code")
                        .asText())
                .isEqualTo("0");
    }

    @Test
    void sessionTtlIsAKnob() throws IOException {
        portal.knobs().sessionTtlSeconds(0);
        String instant = client.login("dvcsync", "s3cret");
        assertThat(client.answer(call(instant, "LayDanhSachTTHC"))
                        .path("error_code")
                        .asText())
                .isEqualTo("-1");
    }

    @Test
    void connectionResetClosesWithoutAnswerAndProcessesNothing() throws IOException {
        portal.knobs().connectionResetShare(1.0);
        assertThatThrownBy(() -> client.integration(sync(dossier("H26.r1")))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.post("/auth", "{}")).isInstanceOf(IOException.class);
        assertThat(portal.injectedFaults()).isEqualTo(2);
        assertThat(portal.dossierCount()).isZero();

        portal.knobs().connectionResetShare(0);
        assertThat(client.answer(sync(dossier("H26.r1")))
                        .path("result")
                        .get(0)
                        .path("error_code")
                        .asText())
                .isEqualTo("0");
    }

    @Test
    void latencyDelaysAnswers() throws IOException {
        portal.knobs().latency(150, 200);
        long start = System.nanoTime();
        client.answer(call(session, "LayDanhSachTTHC"));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    }

    @Test
    void resetClearsCounters() throws IOException {
        client.answer(sync(dossier("H26.c")));
        portal.reset();
        assertThat(portal.totalWrites()).isZero();
        assertThat(portal.writes("H26.c")).isZero();
        assertThat(portal.calls("DongBoHoSoMC")).isZero();
        assertThat(portal.authCalls()).isZero();
        assertThat(portal.dossierCount()).isEqualTo(1);
    }

    private ObjectNode sync(ObjectNode dossier) {
        ObjectNode request = call(session, "DongBoHoSoMC").put("isUpdating", "False");
        request.putArray("data").add(dossier);
        return request;
    }
}
