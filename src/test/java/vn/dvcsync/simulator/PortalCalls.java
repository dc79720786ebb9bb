package vn.dvcsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal portal caller for the tests: plain {@link HttpClient}, JSON in and out. */
final class PortalCalls {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String AGENCY = "000.00.00.H26";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    PortalCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> post(String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in and returns the session token. */
    String login(String username, String password) throws IOException {
        JsonNode answer = json(post(
                "/auth",
                MAPPER.createObjectNode()
                        .put("username", username)
                        .put("password", password)
                        .toString()));
        assertThat(answer.path("error_code").asText()).isEqualTo("0");
        return answer.path("session").asText();
    }

    /** An integration call envelope with session and madonvi; add the service's fields. */
    static ObjectNode call(String session, String service) {
        return MAPPER.createObjectNode()
                .put("session", session)
                .put("madonvi", AGENCY)
                .put("service", service);
    }

    HttpResponse<String> integration(ObjectNode request) throws IOException {
        return post("/integration", request.toString());
    }

    /** An integration call answered HTTP 200; its JSON. */
    JsonNode answer(ObjectNode request) throws IOException {
        return json(integration(request));
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
