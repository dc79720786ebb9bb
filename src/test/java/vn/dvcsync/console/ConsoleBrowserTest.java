package vn.dvcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;
import vn.dvcsync.report.MismatchStore;
import vn.dvcsync.report.MismatchWriter;
import vn.dvcsync.report.ReportService;

/**
 * The console in a real browser (Debian's chromium and chromedriver, headless): an official logs in, reads each page
 * in Vietnamese and in English, filters the mismatches, exports them and reads the files back. Screenshots of each
 * page go to {@code target/console-screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dvcsync.report-dir=target/test-reports/console")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    static final Path DOWNLOADS = Path.of("target/console-downloads").toAbsolutePath();
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 20, 1, 0, 0, 0, ZoneOffset.ofHours(7));
    static final String JUSTICE = "000.01.30.H26";
    static final String BUILDING = "000.02.30.H26";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MismatchStore store;

    @Autowired
    ReportService reports;

    @Autowired
    IndexModel model;

    WebDriver browser;

    @BeforeAll
    void runsAndABrowser() throws IOException {
        FileSystemUtils.deleteRecursively(DOWNLOADS.toFile());
        Files.createDirectories(DOWNLOADS);
        Files.createDirectories(SCREENSHOTS);
        jdbc.update("delete from mismatch");
        jdbc.update("delete from index_estimate");
        jdbc.update("delete from run where type in ('reconcile', 'nightly')");
        // three reconcile runs, a day apart: the city fixes dossiers as they go
        reconcile("console-1", T0, 30);
        reconcile("console-2", T0.plusDays(1), 24);
        reconcile("console-3", T0.plusDays(2), 20);
        browser = chromium();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A run whose mismatches are the {@code stale} first dossiers of each unit stale, and one missing dossier. */
    void reconcile(String id, OffsetDateTime startedAt, int stale) {
        IndexFacts facts = new IndexFacts();
        for (String unit : List.of(JUSTICE, BUILDING)) {
            facts.unitName(unit, unit.equals(JUSTICE) ? "Sở Tư pháp" : "Sở Xây dựng");
            facts.add(unit, IndexFacts.DOSSIERS_RECEIVED, 200);
            facts.add(unit, IndexFacts.DOSSIERS_ON_PORTAL, 199);
            facts.add(unit, IndexFacts.DOSSIERS_STATUS_CURRENT, 200 - stale);
        }
        List<Mismatch> rows = new ArrayList<>();
        for (int i = 0; i < stale; i++) {
            rows.add(new Mismatch("DOSSIER_STALE", "DOSSIER", "J-" + i, JUSTICE, "Sở Tư pháp", "", null, null));
            rows.add(new Mismatch(
                    "DOSSIER_FIELD_MISMATCH",
                    "DOSSIER",
                    "B-" + i,
                    BUILDING,
                    "Sở Xây dựng",
                    i % 2 == 0 ? "NgayHenTra" : "TrangThaiHoSo",
                    "2026-11-0" + (i % 9 + 1),
                    "2026-10-0" + (i % 9 + 1)));
        }
        rows.add(new Mismatch(
                "DOSSIER_MISSING_ON_PORTAL", "DOSSIER", "J-MISSING", JUSTICE, "Sở Tư pháp", "", null, null));
        jdbc.update(
                "insert into run (id, type, status, started_at) values (?, 'reconcile', 'RUNNING', ?)", id, startedAt);
        try (MismatchWriter w = store.open(id, model, facts)) {
            rows.forEach(w::accept);
        }
        reports.write(id, "reconcile", startedAt.minusDays(365), startedAt, facts);
        jdbc.update("update run set status = 'SUCCEEDED', finished_at = ? where id = ?", startedAt.plusMinutes(5), id);
    }

    static WebDriver chromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromedriver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000", "--lang=vi");
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", DOWNLOADS.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void logIn(String user, String password) {
        browser.get(url("/login?lang=vi"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.cssSelector("main form button[type=submit]"));
    }

    /** Clicks a button or link that loads another page, and waits for that page. */
    void submit(By what) {
        WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> isStale(old));
    }

    static boolean isStale(WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        }
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void anOfficialLogsInAndReadsTheOverviewInVietnameseThenInEnglish() throws IOException {
        browser.get(url("/login?lang=vi"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
                .isEqualTo("Tên đăng nhập");
        screenshot("login-vi");
        logIn("official", "wrong-password");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        logIn("official", "official-test-pw");

        assertThat(browser.getCurrentUrl()).endsWith("/console");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng quan");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(text())
                .contains("Lần chạy console-3", "Công khai, minh bạch", "Hồ sơ trên Cổng chưa cập nhật")
                .doesNotContain("??");
        // 20 + 20 + 1 rows; the dates in Vietnam time
        assertThat(browser.findElement(By.id("mismatch-count")).getText()).isEqualTo("41");
        assertThat(text()).contains("22/11/2026 01:00");
        screenshot("overview-vi");

        submit(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        assertThat(text())
                .contains("Run console-3", "Publicity and transparency", "Dossier stale on the portal")
                .doesNotContain("??");
        screenshot("overview-en");
        submit(By.linkText("Tiếng Việt"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng quan");
    }
}
