package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue #11 item 8: the OpenAPI description of the gateway's API, for admins who script it: every {@code /api/v1}
 * call the gateway answers is in it, nothing else is, and only an ADMIN may read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dvcsync.demo.dossiers=50")
@ActiveProfiles("test")
class ApiDescriptionTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void anAdminReadsADescriptionOfEveryApiCallAndNothingElse() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs", "admin:admin-test-pw");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(answer.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/title").asText()).isEqualTo("dvc-sync-gateway API");
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");

        Set<String> described = new TreeSet<>();
        doc.path("paths").fieldNames().forEachRemaining(described::add);
        Set<String> answered = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/v1/"))
                        .forEach(answered::add));
        assertThat(answered).contains("/api/v1/runs", "/api/v1/runs/{id}/mismatches", "/api/v1/dead-letters");
        assertThat(described).isEqualTo(answered);
        // each call says what it answers
        assertThat(doc.at("/paths/~1api~1v1~1runs/get/parameters").toString()).contains("\"type\"", "\"status\"");

        assertThat(get("/v3/api-docs.yaml", "admin:admin-test-pw").body()).contains("openapi: 3.");
    }

    @Test
    void nobodyButAnAdminReadsIt() throws Exception {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", "official:official-test-pw").statusCode())
                .isEqualTo(403);
        assertThat(get("/v3/api-docs.yaml", "official:official-test-pw").statusCode())
                .isEqualTo(403);
        assertThat(get("/swagger-ui/index.html", "admin:admin-test-pw").statusCode())
                .as("no UI served")
                .isEqualTo(404);
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
