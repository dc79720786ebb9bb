package vn.dvcsync.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.population.PopulationClient;
import vn.dvcsync.support.CallMeters;

/**
 * The probes as Kubernetes calls them (no login), the details as an admin reads them, and the portal's and the
 * population service's health in a group of their own that the probes do not follow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dvcsync.demo.dossiers=50")
@ActiveProfiles("test")
class HealthTest {

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreaker portalCircuitBreaker;

    @Autowired
    PopulationClient population;

    @Test
    void theProbesAnswerWithoutALoginAndSayNothingMore() throws Exception {
        for (String probe :
                new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            HttpResponse<String> answer = get(probe, null);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            // the status and, for the root, the names of the groups: no component, no detail
            assertThat(answer.body())
                    .as(probe)
                    .startsWith("{\"status\":\"UP\"")
                    .doesNotContain("components", "details", "db", "portal");
        }
        assertThat(get("/actuator/health", "official:official-test-pw").body()).doesNotContain("components", "details");
        assertThat(get("/actuator/health/external", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health/external", "official:official-test-pw").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdminSeesTheDetailsAndTheExternalSystemsInTheirOwnGroup() throws Exception {
        String all = get("/actuator/health", "admin:admin-test-pw").body();
        assertThat(all).contains("\"db\"", "\"portal\"", "\"population\"", "\"circuitBreaker\":\"CLOSED\"");
        String readiness =
                get("/actuator/health/readiness", "admin:admin-test-pw").body();
        assertThat(readiness).contains("\"readinessState\"", "\"db\"").doesNotContain("portal", "population");
        String liveness =
                get("/actuator/health/liveness", "admin:admin-test-pw").body();
        assertThat(liveness).contains("\"livenessState\"").doesNotContain("portal", "population", "\"db\"");
        String external =
                get("/actuator/health/external", "admin:admin-test-pw").body();
        assertThat(external).contains("\"portal\"", "\"population\"").doesNotContain("\"db\"");
    }

    @Test
    void anOpenBreakerOrAFailingServiceIsDownInItsGroupAndTheProbesStayUp() throws Exception {
        portalCircuitBreaker.transitionToOpenState();
        population.meters().call("TraCuuThongTinCongDan", CallMeters.NO_REPLY);
        try {
            HttpResponse<String> external = get("/actuator/health/external", "admin:admin-test-pw");
            assertThat(external.statusCode()).isEqualTo(503);
            assertThat(external.body())
                    .contains("\"portal\":{\"status\":\"DOWN\"", "\"circuitBreaker\":\"OPEN\"")
                    .contains("\"population\":{\"status\":\"DOWN\"", "\"outcome\":\"no_reply\"");
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

            // the next call answered: the population service is up again
            population.meters().call("TraCuuThongTinCongDan", CallMeters.OK);
            assertThat(get("/actuator/health/external", "admin:admin-test-pw").body())
                    .contains("\"population\":{\"status\":\"UP\"");
        } finally {
            portalCircuitBreaker.transitionToClosedState();
        }
        assertThat(get("/actuator/health/external", "admin:admin-test-pw").body())
                .contains("\"circuitBreaker\":\"CLOSED\"")
                .doesNotContain("\"portal\":{\"status\":\"DOWN\"");
    }

    @Test
    void anUnknownRouteIsNotFoundAndAKnownOneAnswers() throws Exception {
        HttpResponse<String> unknown = get("/actuator/camelroutes/nosuch/info", "admin:admin-test-pw");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("nosuch");
        HttpResponse<String> known = get("/actuator/camelroutes/run-nightly/info", "admin:admin-test-pw");
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.body()).contains("run-nightly");
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
