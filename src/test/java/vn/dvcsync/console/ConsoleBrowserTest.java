package vn.dvcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
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
import vn.dvcsync.testsupport.Chromium;

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

    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    static final Path DOWNLOADS = Path.of("target/console-downloads").toAbsolutePath();
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 20, 1, 0, 0, 0, ZoneOffset.ofHours(7));
    static final String JUSTICE = "000.01.30.H26";
    static final String BUILDING = "000.02.30.H26";
    static final String PROVINCE = "000.00.00.H26";

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
        reconcile("console-1", T0, 40);
        reconcile("console-2", T0.plusDays(1), 34);
        reconcile("console-3", T0.plusDays(2), 30);
        // the journey of J-MISSING: a version quarantined (its message naming an ID number), then one the portal
        // refused
        jdbc.update("delete from ledger where record_key like 'J-MISSING%' or parent_key = 'J-MISSING'");
        jdbc.update(
                "insert into ledger (record_type, record_key, version, unit_code, status, reason, rule, message,"
                        + " payload, attempts, created_at) values ('DOSSIER', 'J-MISSING', 1795140000000000, ?, 'SUPERSEDED',"
                        + " 'DOSSIER_INVALID', 'SoDinhDanh', 'SoDinhDanh 001099012345 is not a personal ID number', '{}', 0,"
                        + " ?)",
                JUSTICE,
                T0.minusDays(3));
        jdbc.update(
                "insert into ledger (record_type, record_key, version, unit_code, status, payload, attempts,"
                        + " last_error, created_at) values ('DOSSIER', 'J-MISSING', 1795226400000000, ?, 'FAILED', '{}', 5,"
                        + " 'HTTP 400: MaHoSo already used', ?)",
                JUSTICE,
                T0.minusDays(2));
        // its push attempts: refused twice by the portal with its answer (the ledger keeps each one)
        for (int i = 0; i < 2; i++) {
            jdbc.update(
                    "insert into push_attempt (ledger_id, run_id, outcome, answer, attempted_at)"
                            + " select id, 'console-2', 'FAILED', 'HTTP 400: MaHoSo already used', ? from ledger"
                            + " where record_key = 'J-MISSING' and status = 'FAILED'",
                    T0.minusDays(2).plusHours(i));
        }
        jdbc.update(
                "insert into ledger (record_type, record_key, version, parent_key, unit_code, status, payload,"
                        + " attempts, created_at) values ('STEP', 'J-MISSING/1', 42, 'J-MISSING', ?, 'PENDING', '{}', 0, ?)",
                JUSTICE,
                T0.minusDays(2));
        browser = Chromium.start(DOWNLOADS);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * A run whose mismatches are {@code stale} dossiers of the justice department stale on the portal, as many of the
     * building department's with a field that differs, one dossier missing; the last run has one new mismatch.
     */
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
        // two procedures of the province: one not public, one public ten days after its deadline
        rows.add(new Mismatch(
                "PROCEDURE_NOT_PUBLIC", "PROCEDURE", "1.000001", PROVINCE, "UBND thành phố", "CongKhai", "1", "0"));
        rows.add(new Mismatch(
                "PROCEDURE_PUBLIC_LATE",
                "PROCEDURE",
                "1.000002",
                PROVINCE,
                "UBND thành phố",
                "NgayCongKhai",
                "20261101",
                "20261111"));
        if (id.equals("console-3")) {
            rows.add(new Mismatch(
                    "DOSSIER_STATUS_MISMATCH", "DOSSIER", "J-NEW", JUSTICE, "Sở Tư pháp", "TrangThaiHoSo", "4", "2"));
        }
        jdbc.update(
                "insert into run (id, type, status, started_at) values (?, 'reconcile', 'RUNNING', ?)", id, startedAt);
        try (MismatchWriter w = store.open(id, model, facts)) {
            rows.forEach(w::accept);
        }
        reports.write(id, "reconcile", startedAt.minusDays(365), startedAt, facts);
        jdbc.update("update run set status = 'SUCCEEDED', finished_at = ? where id = ?", startedAt.plusMinutes(5), id);
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

    /**
     * A screenshot of the page under {@code target/console-screenshots/}, once the page has said nothing wrong in the
     * browser's console (a script error, a style or script the Content-Security-Policy refused, a file not found).
     */
    void screenshot(String name) throws IOException {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .as("the browser's console on " + browser.getCurrentUrl())
                .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .isEmpty();
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
        submit(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText())
                .isEqualTo("Password");
        screenshot("login-en");
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
        // 30 + 30 + 1 + 1 + 2 rows; the dates in Vietnam time
        assertThat(browser.findElement(By.id("mismatch-count")).getText()).isEqualTo("64");
        assertThat(text()).contains("22/11/2026 01:00");
        // the history is a table, drawn as a chart once the scripts ran
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(3);
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> browser.findElement(By.id("history-chart")).isDisplayed());
        screenshot("overview-vi");

        submit(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        assertThat(text())
                .contains("Run console-3", "Publicity and transparency", "Dossier stale on the portal")
                .doesNotContain("??");
        screenshot("overview-en");
        submit(By.linkText("Tiếng Việt"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng quan");

        // the keyboard's first stop is the link past the navigation
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Bỏ qua, đến nội dung chính");

        submit(By.cssSelector("form.logout button"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Bạn đã đăng xuất.");
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).as("the console after logging out").endsWith("/login");
    }

    @Test
    void anOfficialFiltersTheMismatchesPagesThroughThemAndExportsWhatIsFiltered() throws Exception {
        logIn("official", "official-test-pw");
        browser.get(url("/console/mismatches?lang=vi"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sai lệch");
        assertThat(found()).isEqualTo("Tìm thấy 64 sai lệch, xếp theo điểm ảnh hưởng giảm dần.");
        assertThat(browser.findElement(By.id("resolved-count")).getText())
                .isEqualTo("Có 8 sai lệch của lần chạy trước không còn trong lần này.");
        assertThat(text()).doesNotContain("??");
        // largest impact first, 50 a page
        List<WebElement> points = browser.findElements(By.cssSelector("#mismatch-table tbody td.number"));
        assertThat(points).hasSize(50);
        assertThat(points.get(0).getText()).isNotEqualTo("0");
        screenshot("mismatches-vi");
        submit(By.cssSelector("a[rel=next]"));
        assertThat(browser.findElements(By.cssSelector("#mismatch-table tbody tr")))
                .hasSize(14);
        assertThat(browser.findElement(By.cssSelector("#mismatch-table caption"))
                        .getText())
                .isEqualTo("Trang 2 / 2");

        // filters apply as they change (htmx), and the address keeps them
        new Select(browser.findElement(By.id("f-unit"))).selectByValue(BUILDING);
        waitForFound("Tìm thấy 30 sai lệch, xếp theo điểm ảnh hưởng giảm dần.");
        new Select(browser.findElement(By.id("f-field"))).selectByValue("NgayHenTra");
        waitForFound("Tìm thấy 15 sai lệch, xếp theo điểm ảnh hưởng giảm dần.");
        assertThat(browser.getCurrentUrl()).contains("unit=" + BUILDING, "field=NgayHenTra");
        assertThat(browser.findElements(By.cssSelector("#mismatch-table tbody tr")))
                .hasSize(15)
                .allSatisfy(row -> assertThat(row.getText()).contains("Sở Xây dựng", "NgayHenTra"));
        assertThat(browser.findElement(By.id("resolved-count")).getText())
                .isEqualTo("Có 2 sai lệch của lần chạy trước không còn trong lần này.");
        screenshot("mismatches-filtered-vi");
        // the address the filters pushed is the whole page without any script: what a client without JavaScript gets
        String html = withoutScripts(browser.getCurrentUrl());
        assertThat(html).contains("Tìm thấy 15 sai lệch", "<label for=\"f-field\">Trường dữ liệu</label>");
        assertThat(html.split("<td class=\"number\">", -1)).hasSize(15 + 2 + 1); // 15 rows, 2 resolved

        browser.findElement(By.id("export-csv")).click();
        List<String> csv = Files.readAllLines(download("mismatches-console-3-" + BUILDING + "-NgayHenTra.csv"));
        assertThat(csv.get(0)).startsWith("\uFEFF").contains("impact_points");
        assertThat(csv.subList(1, csv.size()))
                .hasSize(15)
                .allSatisfy(line -> assertThat(line).contains(BUILDING, "NgayHenTra"));

        browser.findElement(By.id("export-xlsx")).click();
        Path xlsx = download("mismatches-console-3-" + BUILDING + "-NgayHenTra.xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            List<Row> details = wb.findSheet("Chi tiết").orElseThrow().read();
            assertThat(details).hasSize(16);
            assertThat(details.subList(1, 16))
                    .allSatisfy(r -> assertThat(r.getCellText(4)).isEqualTo(BUILDING));
            assertThat(wb.findSheet("Đã khắc phục").orElseThrow().read()).hasSize(3);
        }

        // the same view in English; a NEW filter leaves the one new row
        submit(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mismatches");
        assertThat(found()).isEqualTo("15 mismatches found, largest impact first.");
        assertThat(text()).doesNotContain("??");
        screenshot("mismatches-filtered-en");
        browser.get(url("/console/mismatches?change=NEW"));
        assertThat(found()).isEqualTo("1 mismatches found, largest impact first.");
        assertThat(browser.findElement(By.cssSelector("#mismatch-table tbody tr"))
                        .getText())
                .contains("J-NEW", "Dossier status differs", "New");
        browser.get(url("/console/mismatches?lang=vi"));
        browser.get(url("/console/mismatches?category=NO_SUCH_CATEGORY"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Có lỗi");
        assertThat(text()).contains("400");
        browser.manage().logs().get(LogType.BROWSER); // read: the 400 is meant
    }

    /** The page at {@code address} as a plain HTTP client gets it with the browser's session: no script runs. */
    String withoutScripts(String address) throws IOException, InterruptedException {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(address))
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    String found() {
        return browser.findElement(By.id("found")).getText();
    }

    void waitForFound(String expected) {
        // htmx swaps the count while it is read: a count replaced under the reader is read again
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "the mismatch count to read '" + expected + "'")
                .until(d -> expected.equals(found()));
    }

    /** The file the browser downloaded, once it is whole. */
    static Path download(String name) {
        Path file = DOWNLOADS.resolve(name);
        new org.openqa.selenium.support.ui.FluentWait<>(file)
                .withTimeout(Duration.ofSeconds(20))
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no download " + file + " (the folder holds "
                        + List.of(DOWNLOADS.toFile().list()) + ")")
                .until(f -> Files.exists(f) && !Files.exists(f.resolveSibling(f.getFileName() + ".crdownload")));
        return file;
    }

    @Test
    void theUnitPageListsWhatToFixFirstAndTheDossierPageItsJourney() throws Exception {
        logIn("official", "official-test-pw");
        browser.get(url("/console?lang=vi"));
        submit(By.linkText("Sở Tư pháp"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đơn vị Sở Tư pháp");
        assertThat(browser.findElement(By.id("fix-heading")).getText())
                .matches("Sửa 3\\d bản ghi này để lấy lại 0,\\d+ điểm");
        assertThat(browser.findElements(By.cssSelector("#trend tbody tr"))).hasSize(3);
        assertThat(text()).doesNotContain("??");
        screenshot("unit-vi");
        submit(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Unit Sở Tư pháp");
        assertThat(browser.findElement(By.id("fix-heading")).getText()).startsWith("Fix these 3");
        assertThat(text()).doesNotContain("??");
        screenshot("unit-en");

        submit(By.linkText("J-MISSING"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dossier J-MISSING");
        assertThat(browser.findElements(By.cssSelector("#versions tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("versions")).getText())
                .contains("Superseded by a newer version", "********2345", "HTTP 400: MaHoSo already used")
                .doesNotContain("001099012345");
        assertThat(browser.findElements(By.cssSelector("#steps tbody tr"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#attempts tbody tr")))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.getText())
                        .contains("J-MISSING", "Not sent, to be retried", "HTTP 400: MaHoSo already used"));
        assertThat(browser.findElements(By.cssSelector("#dossier-mismatches tbody tr")))
                .hasSize(3);
        assertThat(text()).doesNotContain("??");
        screenshot("dossier-en");
        submit(By.linkText("Tiếng Việt"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hồ sơ J-MISSING");
        assertThat(browser.findElement(By.id("versions")).getText()).contains("Đã có phiên bản mới hơn");
        assertThat(browser.findElement(By.id("attempts")).getText())
                .contains("Các lần gửi lên Cổng", "Không gửi được, sẽ gửi lại", "18/11/2026");
        screenshot("dossier-vi");
        browser.findElement(By.id("maHoSo")).clear();
        browser.findElement(By.id("maHoSo")).sendKeys("NO-SUCH-DOSSIER");
        submit(By.id("find"));
        assertThat(browser.findElement(By.id("not-found")).getText())
                .isEqualTo("Cổng đồng bộ không có gì về hồ sơ NO-SUCH-DOSSIER.");
    }

    /**
     * Issue #12 item 1: an official bound to one unit (tuphap, the justice department, application-test.yml) sees its
     * rows only, on every page, in every export and in the API; another unit asked for is refused; the province's
     * official (the other tests) sees every unit.
     */
    @Test
    void anOfficialOfOneUnitSeesOnlyItsRowsOnEveryPageExportAndApiCall() throws Exception {
        logIn("tuphap", "tuphap-test-pw");
        browser.get(url("/console/mismatches?lang=vi"));
        // console-3 holds 30 stale dossiers, J-MISSING and J-NEW of the justice department: 32 of its 64 rows
        assertThat(found()).isEqualTo("Tìm thấy 32 sai lệch, xếp theo điểm ảnh hưởng giảm dần.");
        assertThat(browser.findElements(By.cssSelector("#f-unit option")))
                .extracting(o -> o.getAttribute("value"))
                .containsExactly("", JUSTICE);
        assertThat(browser.findElements(By.cssSelector("#mismatch-table tbody tr")))
                .hasSize(32)
                .allSatisfy(row -> assertThat(row.getText()).contains("Sở Tư pháp"));
        assertThat(text()).doesNotContain("Sở Xây dựng", "B-1");
        screenshot("mismatches-one-unit-vi");

        new Select(browser.findElement(By.id("f-field"))).selectByValue("TrangThaiHoSo");
        waitForFound("Tìm thấy 1 sai lệch, xếp theo điểm ảnh hưởng giảm dần.");
        browser.findElement(By.id("export-csv")).click();
        List<String> csv = Files.readAllLines(download("mismatches-console-3-TrangThaiHoSo.csv"));
        assertThat(csv.subList(1, csv.size())).singleElement().asString().contains("J-NEW", JUSTICE);
        browser.get(url("/console/mismatches?lang=vi"));
        browser.findElement(By.id("export-xlsx")).click();
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(download("mismatches-console-3.xlsx")))) {
            List<Row> details = wb.findSheet("Chi tiết").orElseThrow().read();
            assertThat(details).hasSize(33);
            assertThat(details.subList(1, 33))
                    .allSatisfy(r -> assertThat(r.getCellText(4)).isEqualTo(JUSTICE));
            assertThat(wb.findSheet("Tổng hợp").orElseThrow().read())
                    .extracting(r -> r.getCellText(0))
                    .containsOnly("Mã đơn vị", JUSTICE, "Tổng cộng");
        }

        // the overview's units and the procedures of the province are not theirs; another unit's pages are refused
        browser.get(url("/console?lang=vi"));
        assertThat(text()).contains("Sở Tư pháp").doesNotContain("Sở Xây dựng");
        browser.get(url("/console/units/" + BUILDING + "?lang=vi"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Có lỗi");
        assertThat(text()).contains("403");
        browser.get(url("/console/mismatches?unit=" + BUILDING));
        assertThat(text()).contains("403").doesNotContain("B-1");
        browser.get(url("/console/dossiers?maHoSo=B-1"));
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("B-1");
        browser.get(url("/console/dossiers?maHoSo=J-MISSING"));
        assertThat(browser.findElements(By.cssSelector("#versions tbody tr"))).hasSize(2);
        browser.manage().logs().get(LogType.BROWSER); // read: the 403s are meant

        // the API, with the same session: the unit's rows only, another unit refused
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> own = apiGet("/api/v1/runs/latest/mismatches?size=500", session);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"total\":32").doesNotContain(BUILDING);
        HttpResponse<String> other = apiGet("/api/v1/runs/latest/mismatches?unit=" + BUILDING, session);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("tuphap", JUSTICE, BUILDING);
    }

    HttpResponse<String> apiGet(String path, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theProceduresPageSaysWhichAreNotPublicAndHowLateTheOthersWere() throws Exception {
        logIn("official", "official-test-pw");
        browser.get(url("/console?lang=vi"));
        submit(By.linkText("Thủ tục"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thủ tục");
        assertThat(browser.findElement(By.id("PROCEDURE_NOT_PUBLIC-heading")).getText())
                .isEqualTo("Thủ tục chưa công khai (1)");
        assertThat(browser.findElement(By.cssSelector("#PROCEDURE_PUBLIC_LATE tbody tr"))
                        .getText())
                .contains("1.000002", "20261101", "20261111", "10");
        assertThat(browser.findElement(By.id("PROCEDURE_UNKNOWN-heading")).getText())
                .isEqualTo("Thủ tục Cổng chưa biết (0)");
        assertThat(text()).doesNotContain("??");
        screenshot("procedures-vi");
        submit(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Procedures");
        assertThat(browser.findElement(By.cssSelector("#PROCEDURE_PUBLIC_LATE thead"))
                        .getText())
                .contains("Days late");
        assertThat(text()).doesNotContain("??");
        screenshot("procedures-en");
        submit(By.linkText("Tiếng Việt"));
    }
}
