package vn.dvcsync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.cluster.Schedules;
import vn.dvcsync.simulator.PortalSimulator;
import vn.dvcsync.testsupport.Chromium;

/**
 * The admins' pages in a real browser (Debian's chromium and chromedriver, headless), one Spring context with the
 * schedules on (incremental every 2 seconds) and a portal that refuses every push until the dead letters are made: an
 * admin pauses a schedule and it fires no more; suspends and resumes a route and Camel's route changes state; starts a
 * run and watches its bar fill without reloading; acknowledges a dead letter, which leaves the list while the audit log
 * names the admin; every page reads in Vietnamese and in English; an OFFICIAL gets 403 on every admin page.
 * Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.schedule.enabled=true",
            "dvcsync.schedule.incremental=PT2S",
            "dvcsync.demo.dossiers=60",
            "dvcsync.demo.portal-history=false",
            "dvcsync.simulator.portal.error5xx-share=1.0",
            "dvcsync.portal.retry.max-attempts=1",
            "dvcsync.portal.circuit-breaker.minimum-calls=1000",
            "dvcsync.portal.circuit-breaker.sliding-window=1000",
            "dvcsync.ledger.max-attempts=1",
            "dvcsync.population.max-lookups-per-run=0",
            "dvcsync.report-dir=target/test-reports/admin-console"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final List<String> PAGES = List.of(
            "/admin/routes",
            "/admin/schedules",
            "/admin/runs",
            "/admin/dead-letters",
            "/admin/quarantine",
            "/admin/audit",
            "/admin/instances");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate store;

    @Autowired
    CamelContext camel;

    @Autowired
    Schedules schedules;

    @Autowired
    PortalSimulator portal;

    WebDriver browser;

    @BeforeAll
    void deadLettersAndABrowser() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (failed() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(failed()).as("dead letters from the scheduled runs").isGreaterThanOrEqualTo(10);
        portal.knobs().defaults().ratePerSecond(0);
        browser = Chromium.start(Path.of("target/screenshots"));
    }

    long failed() {
        return store.queryForObject("select count(*) from ledger where status = 'FAILED'", Long.class);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void logIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=vi"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.cssSelector("main form button[type=submit]"));
    }

    void asAdmin() {
        logIn("admin", "admin-test-pw");
    }

    /** Clicks a button or link that loads another page, and waits for that page. */
    void submit(By what) {
        submit(browser.findElement(what));
    }

    void submit(WebElement what) {
        WebElement old = browser.findElement(By.tagName("html"));
        what.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> isStale(old));
    }

    static boolean isStale(WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        }
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("admin-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The page's heading, once the page the browser was sent to has one (a navigation may still be under way). */
    String h1() {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")))
                .getText();
    }

    @Test
    @Order(1)
    void anAdminPausesTheIncrementalScheduleAndItFiresNoMore() throws Exception {
        asAdmin();
        browser.get(url("/admin/schedules?lang=vi"));
        assertThat(h1()).isEqualTo("Lịch");
        WebElement row = browser.findElement(By.id("schedule-incremental"));
        assertThat(row.findElement(By.cssSelector(".paused-state")).getText()).isEqualTo("Không");
        assertThat(text()).containsPattern("\\d\\d/\\d\\d/20\\d\\d \\d\\d:\\d\\d");
        screenshot("schedules-vi");

        submit(By.cssSelector("#schedule-incremental button.pause"));
        assertThat(browser.findElement(By.id("notice")).getText())
                .isEqualTo("Đã tạm dừng lịch incremental trên mọi phiên bản.");
        assertThat(browser.findElement(By.cssSelector("#schedule-incremental .paused-state"))
                        .getText())
                .isEqualTo("Có");
        assertThat(schedules.find("incremental").orElseThrow().paused()).isTrue();
        // a firing already under way ends; then none for several periods
        Thread.sleep(2500);
        OffsetDateTime last = schedules.find("incremental").orElseThrow().previousFire();
        Thread.sleep(5000);
        assertThat(schedules.find("incremental").orElseThrow().previousFire()).isEqualTo(last);
        assertThat(browser.findElements(By.cssSelector("#schedule-incremental button.resume")))
                .hasSize(1);
        screenshot("schedules-paused-vi");
    }

    @Test
    @Order(2)
    void anAdminSuspendsAndResumesARouteAfterConfirmingAndCamelsRouteChangesState() throws Exception {
        asAdmin();
        browser.get(url("/admin/routes?lang=vi"));
        assertThat(h1()).isEqualTo("Tuyến");
        WebElement push = browser.findElement(By.id("route-push"));
        assertThat(push.findElement(By.cssSelector(".state")).getText()).isEqualTo("Đang chạy");
        screenshot("routes-vi");

        submit(push.findElement(By.linkText("Tạm dừng")));
        assertThat(h1()).isEqualTo("Tạm dừng tuyến push?");
        screenshot("route-confirm-vi");
        submit(By.id("cancel"));
        assertThat(camel.getRouteController().getRouteStatus("push")).isEqualTo(ServiceStatus.Started);

        submit(browser.findElement(By.id("route-push")).findElement(By.linkText("Tạm dừng")));
        submit(By.id("confirm"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Đã tạm dừng tuyến push");
        assertThat(camel.getRouteController().getRouteStatus("push")).isEqualTo(ServiceStatus.Suspended);
        assertThat(browser.findElement(By.cssSelector("#route-push .state")).getText())
                .isEqualTo("Tạm dừng");

        submit(browser.findElement(By.id("route-push")).findElement(By.linkText("Tiếp tục")));
        assertThat(h1()).isEqualTo("Tiếp tục tuyến push?");
        submit(By.id("confirm"));
        assertThat(camel.getRouteController().getRouteStatus("push")).isEqualTo(ServiceStatus.Started);
        assertThat(browser.findElement(By.cssSelector("#route-push .state")).getText())
                .isEqualTo("Đang chạy");
    }

    @Test
    @Order(3)
    void anAdminStartsARunAndWatchesItsBarFillWithoutReloading() throws Exception {
        asAdmin();
        // slow enough to be seen going: each portal call takes 40 to 60 ms
        portal.knobs().latency(40, 60);
        try {
            browser.get(url("/admin/runs?lang=vi"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("start-type")))
                    .selectByValue("reconcile");
            submit(By.cssSelector("#start-run button"));
            String started = browser.findElement(By.id("notice")).getText();
            assertThat(started).startsWith("Đã bắt đầu lượt chạy ");
            String id = started.replace("Đã bắt đầu lượt chạy ", "").replace(".", "");
            WebElement page = browser.findElement(By.tagName("html"));
            WebElement bar = browser.findElement(By.cssSelector("#progress-" + id + " progress"));
            assertThat(bar.getAttribute("value")).isNotEqualTo("100");
            screenshot("runs-progress-vi");

            new WebDriverWait(browser, Duration.ofSeconds(120))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> "SUCCEEDED"
                            .equals(d.findElement(By.id("progress-" + id)).getAttribute("data-status")));
            assertThat(isStale(page)).as("the page was not reloaded").isFalse();
            WebElement done = browser.findElement(By.id("progress-" + id));
            assertThat(done.findElement(By.tagName("progress")).getAttribute("value"))
                    .isEqualTo("100");
            assertThat(done.getText()).contains("Thành công", "Đã kết thúc");
            screenshot("runs-done-vi");

            browser.get(url("/admin/runs?lang=vi"));
            WebElement row = browser.findElement(By.id("run-" + id));
            assertThat(row.getText()).contains("Đối soát", "Thành công");
            assertThat(row.findElements(By.linkText("Tóm tắt"))).hasSize(1);
            assertThat(row.findElements(By.linkText("Báo cáo"))).hasSize(1);
            submit(row.findElement(By.linkText("Tóm tắt")));
            assertThat(text()).contains("\"" + id + "\"");
        } finally {
            portal.knobs().latency(0, 0);
        }
    }

    @Test
    @Order(4)
    void anAdminAcknowledgesADeadLetterItLeavesTheListAndTheAuditLogNamesTheAdmin() throws Exception {
        asAdmin();
        browser.get(url("/admin/dead-letters?lang=vi"));
        assertThat(h1()).isEqualTo("Thư lỗi");
        List<WebElement> rows = browser.findElements(By.cssSelector("#dead-letters tbody tr"));
        assertThat(rows).isNotEmpty();
        String key = rows.get(0).getAttribute("data-record-key");
        long before = failed();
        rows.get(0).findElement(By.cssSelector("input[name=ids]")).click();
        browser.findElement(By.id("reason")).sendKeys("Đã có trên Cổng");
        screenshot("dead-letters-vi");
        submit(By.id("acknowledge-selected"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã đóng 1 thư lỗi.");
        assertThat(failed()).isEqualTo(before - 1);
        assertThat(browser.findElements(By.cssSelector("#dead-letters tbody tr[data-record-key='" + key + "']")))
                .isEmpty();
        assertThat(browser.findElement(By.id("acknowledged")).getText()).contains(key, "admin", "Đã có trên Cổng");

        browser.get(url("/admin/audit?lang=vi&action=DEAD_LETTERS_ACKNOWLEDGED"));
        assertThat(h1()).isEqualTo("Nhật ký");
        WebElement entry = browser.findElement(By.cssSelector("#audit tbody tr"));
        assertThat(entry.getText()).contains("admin", "127.0.0.1", "Đóng thư lỗi", "Đã có trên Cổng");
        screenshot("audit-vi");
    }

    @Test
    @Order(5)
    void everyAdminPageReadsInVietnameseAndInEnglish() throws Exception {
        asAdmin();
        for (String page : PAGES) {
            String name = page.substring("/admin/".length());
            browser.get(url(page + "?lang=vi"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("vi");
            assertThat(text()).as(page).doesNotContain("??").contains("Nhật ký", "Thư lỗi");
            screenshot(name + "-vi");
            browser.get(url(page + "?lang=en"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");
            assertThat(text()).as(page).doesNotContain("??").contains("Audit log", "Dead letters");
            screenshot(name + "-en");
        }
        browser.get(url("/admin/routes?lang=vi"));
    }

    @Test
    @Order(6)
    void anOfficialGets403OnEveryAdminPage() throws Exception {
        logIn("official", "official-test-pw");
        for (String page : PAGES) {
            browser.get(url(page));
            assertThat(text()).as(page).contains("403");
            // the console's error page, not the admin page
            assertThat(browser.findElements(By.cssSelector("main h1")))
                    .extracting(WebElement::getText)
                    .containsExactly("Có lỗi");
            assertThat(asOfficial("GET", page)).as(page).isEqualTo(403);
        }
        screenshot("official-403");
        // nor post an action, with the session's own CSRF token (from a console page they may read)
        browser.get(url("/console"));
        for (String action :
                List.of("/admin/schedules/incremental/resume", "/admin/runs", "/admin/routes/push/suspend")) {
            Object status = ((JavascriptExecutor) browser)
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                                    + "var token = document.querySelector('input[name=_csrf]').value;"
                                    + "fetch(arguments[0], {method: 'POST', redirect: 'manual',"
                                    + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                                    + " body: '_csrf=' + encodeURIComponent(token) + '&type=incremental'})"
                                    + ".then(function (r) { done(r.status); }, function (e) { done(String(e)); });",
                            action);
            assertThat(status).as(action).isEqualTo(403L);
        }
        assertThat(camel.getRouteController().getRouteStatus("push")).isEqualTo(ServiceStatus.Started);
        assertThat(schedules.find("incremental").orElseThrow().paused()).isTrue();
    }

    /** The status of a request with the official's credentials (HTTP Basic, no session, no redirect followed). */
    int asOfficial(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("official:official-test-pw".getBytes()))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
