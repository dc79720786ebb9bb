package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.ledger.DeadLetters;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * issue #9: a NUL byte in a filter gave 500, and in a replay filter failed the run with the raw SQL in its error,
 * which officials read. Now a control character in any query parameter or path variable of the API is a 400 naming
 * it, before anything runs; a run that fails on the database says so without the statement; and a request body
 * larger than the limit is refused (413) without being read.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.demo.dossiers=200",
            "dvcsync.security.login.lock=2s",
            "dvcsync.security.login.max-lock=8s",
            "management.endpoint.health.probes.enabled=true"
        })
@ActiveProfiles("test")
class HostileInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate store;

    @Autowired
    RunService runService;

    Browser browser;

    @BeforeEach
    void browser() throws Exception {
        browser = new Browser("http://localhost:" + port);
        CrossSiteRequestTest.awaitNoRunGoing(store);
    }

    @Test
    void aNulInAFilterOfTheMismatchesOrTheDeadLettersIsABadRequestNamingTheParameter() throws Exception {
        assertBadRequest(
                browser.get("/api/v1/runs/latest/mismatches?unit=a%00b", "official", "official-test-pw"),
                "Parameter 'unit' holds a control character (U+0000)");
        assertBadRequest(
                browser.get("/api/v1/runs/latest/mismatches?category=%0ADOSSIER_STALE", "official", "official-test-pw"),
                "Parameter 'category' holds a control character (U+000A)");
        assertBadRequest(
                browser.get("/api/v1/dead-letters?error=x%00y", "admin", "admin-test-pw"),
                "Parameter 'error' holds a control character (U+0000)");
        assertBadRequest(
                browser.get("/api/v1/dead-letters?type=STEP&unit=%1B%5B31m", "admin", "admin-test-pw"),
                "Parameter 'unit' holds a control character (U+001B)");
    }

    @Test
    void aNulInAReplayFilterIsABadRequestAndStartsNoRun() throws Exception {
        long runs = runs();
        HttpResponse<String> replay = browser.send(browser.request("/api/v1/dead-letters/replay?error=a%00b")
                .header("Authorization", Browser.basic("admin", "admin-test-pw"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertBadRequest(replay, "Parameter 'error' holds a control character (U+0000)");
        assertThat(runs()).isEqualTo(runs);
    }

    @Test
    void aNulInAPathIdIsABadRequestToo() throws Exception {
        // the web server refuses a NUL in a path itself, before the gateway could name the part
        HttpResponse<String> run = browser.get("/api/v1/runs/latest%00x", "official", "official-test-pw");
        assertThat(run.statusCode()).isEqualTo(400);
        assertThat(run.body())
                .isEqualTo("{\"error\":\"Bad request: the path or the headers cannot be read (a NUL byte, "
                        + "an invalid escape, or a character not allowed there)\"}");
        assertBadRequest(
                browser.get("/api/v1/runs/a%07b/mismatches.csv", "official", "official-test-pw"),
                "Path variable 'id' holds a control character (U+0007)");
        assertBadRequest(
                browser.send(browser.request("/api/v1/dead-letters/1%1F2/replay")
                        .header("Authorization", Browser.basic("admin", "admin-test-pw"))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                "Path variable 'id' holds a control character (U+001F)");
        // an encoded line break in a path the security firewall refuses itself, before any login
        HttpResponse<String> lineBreak = browser.send(browser.request("/api/v1/dead-letters/1%0A2/replay")
                .header("Authorization", Browser.basic("admin", "admin-test-pw"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(lineBreak.statusCode()).isEqualTo(400);
        assertThat(lineBreak.body())
                .isEqualTo(
                        "{\"error\":\"Bad request: the path holds something not allowed there (The "
                                + "request was rejected because the URL contained a potentially malicious String \\\"%0A\\\")\"}");
    }

    @Test
    void aRunFailingOnTheDatabaseSaysSoWithoutTheStatement() throws Exception {
        // past the API's check (as a script calling the service would be): PostgreSQL refuses the NUL in its statement
        String id =
                runService.start(RunType.REPLAY, Map.of("replayFilter", DeadLetters.Filter.of(null, "a\u0000b", null)));
        CrossSiteRequestTest.awaitNoRunGoing(store);
        Run run = runService.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error())
                .isNotBlank()
                .doesNotContainIgnoringCase("select")
                .doesNotContainIgnoringCase("update")
                .doesNotContain("ledger", "SQL [", "\n", "\tat ", "Exception:");
        assertThat(run.error()).contains("database").contains("SQLState");

        HttpResponse<String> shown = browser.get("/api/v1/runs/" + id, "official", "official-test-pw");
        assertThat(shown.body()).doesNotContainIgnoringCase("update ledger");
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        // 200 MB announced, a few kilobytes sent: the answer comes at once and the connection is closed
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/runs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: " + Browser.basic("admin", "admin-test-pw") + "\r\n"
                            + "Content-Length: " + (200L << 20) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[8192]);
            out.flush();
            long t0 = System.nanoTime();
            String answer = readAnswer(socket.getInputStream());
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("larger than the limit of 1048576 bytes");
        }
        long runs = runs();
        // a body without a length, read until the limit
        HttpResponse<String> chunked = browser.send(browser.request("/api/v1/runs")
                .header("Authorization", Browser.basic("admin", "admin-test-pw"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    long left = 3L << 20;

                    @Override
                    public int read() {
                        return left-- > 0 ? ' ' : -1;
                    }
                })));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(runs()).isEqualTo(runs);
    }

    private static String readAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                seen.write(buffer, 0, n);
                if (seen.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // the server closed the connection after answering
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private long runs() {
        return store.queryForObject("select count(*) from run", Long.class);
    }

    private static void assertBadRequest(HttpResponse<String> response, String error) {
        assertThat(response.statusCode())
                .as(response.uri() + " " + response.body())
                .isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"" + error + "\"}");
    }
}
