package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * issue #9: a page on another site made a logged-in admin's browser start a replay. Now a browser's request that
 * changes something needs the web login's CSRF token whenever it carries the session, and a request sent on another
 * site's behalf is refused whatever its login (the session, or HTTP Basic credentials the browser holds) — and starts
 * nothing. The same requests from the gateway's own pages (token, same origin) and from scripts (HTTP Basic, no
 * session) work. Also here: the security headers, the session cookie, what is open without a login, and that no
 * answer asks a browser for Basic credentials.
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
class CrossSiteRequestTest {

    static final String EVIL = "http://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate store;

    Browser browser;

    @BeforeEach
    void browser() throws Exception {
        browser = new Browser("http://localhost:" + port);
        awaitNoRunGoing(store);
    }

    @Test
    void anotherSitesFormPostedWithTheAdminsSessionIsRefusedAndStartsNothing() throws Exception {
        assertThat(browser.logIn("admin", "admin-test-pw").statusCode()).isEqualTo(302);
        long runs = runs();

        // what another site's <form method=post action=http://gateway/...> makes the browser send
        for (String path : new String[] {"/api/v1/dead-letters/replay", "/api/v1/runs"}) {
            HttpResponse<String> crossSite = browser.send(browser.request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", EVIL)
                    .header("Sec-Fetch-Site", "cross-site")
                    .POST(Browser.form(Map.of("type", "nightly"))));
            assertThat(crossSite.statusCode()).as(path).isEqualTo(403);
            assertThat(crossSite.body()).isEqualTo("{\"error\":\"Refused: a request from another site\"}");

            // a browser that sends no Sec-Fetch-Site: the Origin says it all the same
            assertThat(browser.send(browser.request(path)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Origin", EVIL)
                                    .POST(Browser.form(Map.of("type", "nightly"))))
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);

            // neither header, and the session without its token: the CSRF check refuses it
            assertThat(browser.send(browser.request(path)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"nightly\"}")))
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(runs()).as("runs started").isEqualTo(runs);
    }

    @Test
    void theSameCallsFromTheGatewaysOwnPageWithTheTokenWork() throws Exception {
        assertThat(browser.logIn("admin", "admin-test-pw").statusCode()).isEqualTo(302);
        String token = browser.csrfToken();
        long runs = runs();

        HttpResponse<String> replay = browser.send(browser.request("/api/v1/dead-letters/replay")
                .header("X-CSRF-TOKEN", token)
                .header("Origin", browser.root)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        awaitNoRunGoing(store);

        HttpResponse<String> run = browser.send(browser.request("/api/v1/runs")
                .header("X-CSRF-TOKEN", token)
                .header("Origin", browser.root)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"incremental\"}")));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        assertThat(runs()).isEqualTo(runs + 2);
        awaitNoRunGoing(store);
    }

    @Test
    void basicCredentialsABrowserSendsAlongWithAnotherSitesFormAreRefusedTooAndAScriptNeedsNoToken() throws Exception {
        long runs = runs();
        HttpResponse<String> crossSite = browser.send(browser.request("/api/v1/dead-letters/replay")
                .header("Authorization", Browser.basic("admin", "admin-test-pw"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site")
                .POST(Browser.form(Map.of("unit", "x"))));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(runs()).isEqualTo(runs);

        HttpResponse<String> script = browser.send(browser.request("/api/v1/dead-letters/replay")
                .header("Authorization", Browser.basic("admin", "admin-test-pw"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(script.statusCode()).as(script.body()).isEqualTo(202);
        assertThat(Browser.setCookie(script, "JSESSIONID"))
                .as("HTTP Basic opens no session")
                .isEmpty();
        awaitNoRunGoing(store);
    }

    @Test
    void noAnswerAsksABrowserForBasicCredentials() throws Exception {
        for (HttpResponse<String> refused : new HttpResponse[] {
            browser.get("/api/v1/runs/latest"),
            browser.get("/api/v1/runs/latest", "admin", "wrong-password"),
            browser.get("/actuator/info"),
            browser.send(browser.request("/actuator/info")
                    .header("X-Requested-With", "XMLHttpRequest")
                    .GET())
        }) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .as(refused.uri().toString())
                    .isEmpty();
        }
        HttpResponse<String> page = browser.send(
                browser.request("/actuator/info").header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void onlyTheHealthProbesAnswerWithoutALogin() throws Exception {
        for (String probe : SecurityConfiguration.OPEN) {
            HttpResponse<String> open = browser.get(probe);
            assertThat(open.statusCode()).as(probe).isEqualTo(200);
            assertThat(open.body()).as(probe).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details");
        }
        for (String closed :
                new String[] {"/actuator/info", "/actuator/health/db", "/actuator/camelroutes", "/api/v1/runs/latest"
                }) {
            assertThat(browser.get(closed).statusCode()).as(closed).isEqualTo(401);
        }
        assertThat(browser.get("/actuator/info", "official", "official-test-pw").statusCode())
                .isEqualTo(403);
        assertThat(browser.get("/actuator/info", "admin", "admin-test-pw").statusCode())
                .isEqualTo(200);
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheSessionCookieIsStrictAndHttpOnly() throws Exception {
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'self'; script-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS over plain HTTP")
                .isEmpty();
        assertThat(browser.get("/api/v1/runs/latest", "official", "official-test-pw")
                        .headers()
                        .firstValue("Content-Security-Policy"))
                .isPresent();

        HttpResponse<String> login = browser.logIn("official", "official-test-pw");
        String cookie = Browser.setCookie(login, "JSESSIONID").orElseThrow();
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Strict").doesNotContain("Secure");
        assertThat(browser.get("/api/v1/runs/latest").statusCode())
                .as("the web login's session reads the API")
                .isIn(200, 404);
    }

    private long runs() {
        return store.queryForObject("select count(*) from run", Long.class);
    }

    static void awaitNoRunGoing(JdbcTemplate store) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (store.queryForObject("select count(*) from run where status = 'RUNNING'", Long.class) > 0) {
            assertThat(System.nanoTime()).as("runs ended within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
