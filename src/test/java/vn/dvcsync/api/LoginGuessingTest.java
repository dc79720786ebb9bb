package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * issue #9: 40 wrong passwords in 7 s, then the right one worked, and nothing was logged. Now after 5 failures the
 * user (and the address) is locked — here for 2 s ({@code dvcsync.security.login.lock}) — so the rest of the guesses
 * and then the right password are refused (429) without being checked, every failure and refusal is logged with
 * user and address but never the password, and the lock lifts by itself.
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
class LoginGuessingTest {

    @LocalServerPort
    int port;

    Browser browser;
    ListAppender<ILoggingEvent> logged;

    @BeforeEach
    void watchTheLog() {
        browser = new Browser("http://localhost:" + port);
        logged = new ListAppender<>();
        logged.start();
        ((Logger) LoggerFactory.getLogger(ThrottledLogins.class)).addAppender(logged);
    }

    @AfterEach
    void stopWatching() {
        ((Logger) LoggerFactory.getLogger(ThrottledLogins.class)).detachAppender(logged);
    }

    @Test
    void aGuessingLoopIsLockedOutTheRightPasswordToo_untilTheLockLifts() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(
                    browser.get("/api/v1/runs/latest", "admin", "guess-" + i).statusCode());
        }
        assertThat(statuses.subList(0, 5)).as("checked and wrong").containsOnly(401);
        assertThat(statuses.subList(5, 40)).as("refused while locked").containsOnly(429);

        HttpResponse<String> right = browser.get("/api/v1/runs/latest", "admin", "admin-test-pw");
        assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 2));
        assertThat(right.body()).startsWith("{\"error\":\"Too many failed logins: try again in ");
        // from the same address, another user is refused as well: the guesser cannot move on to the next name
        assertThat(browser.get("/api/v1/runs/latest", "official", "official-test-pw")
                        .statusCode())
                .isEqualTo(429);
        // and through the web form alike
        assertThat(browser.logIn("admin", "admin-test-pw").statusCode()).isEqualTo(429);

        long t0 = System.nanoTime();
        int status;
        do {
            Thread.sleep(200);
            status =
                    browser.get("/api/v1/runs/latest", "admin", "admin-test-pw").statusCode();
        } while (status == 429 && System.nanoTime() - t0 < 5_000_000_000L);
        assertThat(status).as("the right password once the lock lifted").isIn(200, 404);
        assertThat(browser.get("/api/v1/runs/latest", "official", "official-test-pw")
                        .statusCode())
                .isIn(200, 404);

        List<String> lines =
                logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines)
                .filteredOn(l -> l.startsWith("Login failed for user 'admin' from 127.0.0.1 (BadCredentialsException"))
                .hasSize(5);
        assertThat(lines)
                .anyMatch(l -> l.contains("5 failure(s) of this user in the window): logins for this user and "
                        + "from this address refused for 2 s"));
        assertThat(lines)
                .filteredOn(l -> l.startsWith("Login refused for user 'admin' from 127.0.0.1: too many failed logins"))
                .hasSizeGreaterThanOrEqualTo(36);
        assertThat(lines).noneMatch(l -> l.contains("guess-") || l.contains("admin-test-pw"));
    }

    @Test
    void aFailedLoginIsLoggedWithAUserNameMadeSafeForTheLog() throws Exception {
        assertThat(browser.get("/api/v1/runs/latest", "mallory\r\nINFO forged line", "x")
                        .statusCode())
                .isEqualTo(401);
        assertThat(logged.list)
                .map(ILoggingEvent::getFormattedMessage)
                .anyMatch(l -> l.startsWith("Login failed for user 'mallory??INFO forged line' from 127.0.0.1"));
        // a success forgets the failures of the address
        assertThat(browser.get("/api/v1/runs/latest", "official", "official-test-pw")
                        .statusCode())
                .isIn(200, 404);
    }
}
