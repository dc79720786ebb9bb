package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The runs API as an admin and an official use it: start a run, follow it to its end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dvcsync.demo.dossiers=200")
@ActiveProfiles("test")
class RunApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Test
    void anAdminStartsARunAndAnOfficialFollowsItToItsEnd() throws Exception {
        ResponseEntity<Map<String, Object>> started = http.withBasicAuth("admin", "admin-test-pw")
                .exchange("/api/v1/runs", HttpMethod.POST, new HttpEntity<>(Map.of("type", "incremental")), JSON);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) started.getBody().get("id");
        assertThat(id).isNotBlank();

        Map<String, Object> run = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            run = http.withBasicAuth("official", "official-test-pw")
                    .exchange("/api/v1/runs/" + id, HttpMethod.GET, null, JSON)
                    .getBody();
            if (!"RUNNING".equals(run.get("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(run)
                .containsEntry("id", id)
                .containsEntry("type", "incremental")
                .containsEntry("status", "SUCCEEDED")
                .containsKeys("startedAt", "finishedAt", "counts");
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) run.get("counts");
        assertThat(counts).containsEntry("extracted.dossiers", 200);

        Map<String, Object> latest = http.withBasicAuth("official", "official-test-pw")
                .exchange("/api/v1/runs/latest", HttpMethod.GET, null, JSON)
                .getBody();
        assertThat(latest).containsEntry("id", id);
    }

    @Test
    void onlyAnAdminStartsRuns() throws Exception {
        assertThat(post(null)).isEqualTo(401);
        assertThat(post("official:official-test-pw")).isEqualTo(403);
        assertThat(post("admin:wrong")).isEqualTo(401);
    }

    /** A plain client that neither follows redirects nor answers challenges: the status as the server sent it. */
    private int post(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/v1/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"incremental\"}"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void anUnknownRunTypeIsABadRequestAndAnUnknownRunIsNotFound() {
        ResponseEntity<Map<String, Object>> bad = http.withBasicAuth("admin", "admin-test-pw")
                .exchange("/api/v1/runs", HttpMethod.POST, new HttpEntity<>(Map.of("type", "weekly")), JSON);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("error")).contains("weekly");
        assertThat(http.withBasicAuth("official", "official-test-pw")
                        .exchange("/api/v1/runs/no-such-run", HttpMethod.GET, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
