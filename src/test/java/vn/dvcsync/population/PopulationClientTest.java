package vn.dvcsync.population;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

class PopulationClientTest {

    private static final String PATH = "/dancu/TraCuuThongTinCongDan";
    private static final String ID = "001203004567";
    /** 01:02:03 UTC is 08:02:03 in Vietnam. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T01:02:03Z"), ZoneOffset.UTC);

    private static WireMockServer wireMock;
    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        camel.stop();
        wireMock.stop();
    }

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    private static String url() {
        return wireMock.baseUrl() + PATH;
    }

    private static PopulationClient client() {
        PopulationProperties properties = new PopulationProperties(
                null,
                "dvcsync",
                "s3cret",
                "key-1",
                "VN/GOV/000.00.00.H26/DVCSYNC",
                0,
                8,
                Duration.ofDays(30),
                2000,
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(10),
                Duration.ofSeconds(2));
        return new PopulationClient(properties, PopulationClientTest::url, template, CLOCK);
    }

    private static LookupResult lookup(PopulationClient client) {
        return client.lookup(
                ID, "Nguyễn Văn Đũng", LocalDate.of(2003, 1, 15), "1.001612.000.00.00.H26", "000.00.00.H26");
    }

    private static String reply(String people) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<TraCuuThongTinCongDanResponse xmlns=\"http://dancuquocgia.bca\">"
                + "<CongdanCollection xmlns=\"http://www.mic.gov.vn/dancu/1.0\">" + people + "</CongdanCollection>"
                + "</TraCuuThongTinCongDanResponse></soapenv:Body></soapenv:Envelope>";
    }

    private static String citizen(String birth) {
        return "<CongDan><SoDinhDanh>" + ID + "</SoDinhDanh>"
                + "<HoVaTen><Ho>Nguyễn</Ho><ChuDem>Văn</ChuDem><Ten>Đũng</Ten></HoVaTen><GioiTinh>1</GioiTinh>"
                + "<NgayThangNamSinh><NgayThangNam>" + birth + "</NgayThangNam></NgayThangNamSinh>"
                + "<ThuongTru><MaTinhThanh>01</MaTinhThanh><MaQuanHuyen>001</MaQuanHuyen>"
                + "<MaPhuongXa>00001</MaPhuongXa><ChiTiet>Số 1 phố Huế</ChiTiet></ThuongTru></CongDan>";
    }

    private static String fault(String code, String text) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<soapenv:Fault><faultcode>" + code + "</faultcode><faultstring>" + text + "</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    private static void answer(String body) {
        wireMock.stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml; charset=utf-8")
                        .withBody(body)));
    }

    private static String dcText(Document document, String name) {
        return document.getElementsByTagNameNS("http://dancuquocgia.bca", name)
                .item(0)
                .getTextContent();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- request

    @Test
    void sendsEveryContractHeaderWithAnIndependentlyVerifiableSignature() throws Exception {
        answer(reply(citizen("20030115")));

        lookup(client());

        LoggedRequest request =
                wireMock.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        // WireMock's server normalises the charset's case; HttpPostTest checks the exact bytes on the wire
        assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase("text/xml; charset=utf-8");
        assertThat(request.getHeader("SOAPAction")).isEqualTo("\"TraCuuThongTinCongDan\"");
        assertThat(request.getHeader("X-Road-Client")).isEqualTo("VN/GOV/000.00.00.H26/DVCSYNC");
        assertThat(request.getHeader("ApiKey")).isEqualTo("key-1");
        assertThat(request.getHeader("Timestamp")).isEqualTo("20240305080203");

        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((url() + "dvcsync" + "20240305080203" + "s3cret").getBytes(StandardCharsets.UTF_8));
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                ("dvcsync:" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    }

    @Test
    void envelopeCarriesTheContractFields() throws Exception {
        answer(reply(citizen("20030115")));
        PopulationClient client = client();

        lookup(client);
        lookup(client);

        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo(PATH)));
        String body = requests.get(0).getBodyAsString();
        assertThat(body)
                .startsWith("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                        + " xmlns:dc=\"http://dancuquocgia.bca\">");
        Document document = parse(body);
        assertThat(document.getDocumentElement().getNamespaceURI())
                .isEqualTo("http://schemas.xmlsoap.org/soap/envelope/");
        assertThat(dcText(document, "MaTichHop")).isEqualTo("037");
        assertThat(dcText(document, "MaCanBo")).isEqualTo("DVCSYNC");
        assertThat(dcText(document, "MaDVC")).isEqualTo("1.001612.000.00.00.H26");
        assertThat(dcText(document, "MaDonVi")).isEqualTo("000.00.00.H26");
        assertThat(dcText(document, "SoDinhDanh")).isEqualTo(ID);
        assertThat(dcText(document, "HoVaTen")).isEqualTo("NGUYEN VAN DUNG");
        assertThat(document.getElementsByTagNameNS("http://dancuquocgia.bca", "NgayThangNamSinh")
                        .item(0)
                        .getFirstChild()
                        .getTextContent())
                .isEqualTo("20030115");
        String firstId = dcText(document, "MaYeuCau");
        assertThat(firstId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(dcText(parse(requests.get(1).getBodyAsString()), "MaYeuCau")).isNotEqualTo(firstId);
    }

    @Test
    void valuesAreXmlEscaped() throws Exception {
        answer(reply(""));

        client().lookup(ID, "Lê <Thị> & \"Hoa\"", null, "A&B", "000.00.00.H26");

        Document document = parse(
                wireMock.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString());
        assertThat(dcText(document, "HoVaTen")).isEqualTo("LE <THI> & \"HOA\"");
        assertThat(dcText(document, "MaDVC")).isEqualTo("A&B");
    }

    // ---------------------------------------------------------------- response

    @Test
    void foundPersonHasTheNameAssembledFromItsParts() {
        answer(reply(citizen("20030115")));

        LookupResult result = lookup(client());

        assertThat(result).isEqualTo(LookupResult.found(new PopulationRecord(ID, "Nguyễn Văn Đũng", "20030115", 1)));
    }

    @Test
    void emptyCollectionMeansNotFound() {
        answer(reply(""));

        assertThat(lookup(client())).isEqualTo(LookupResult.notFound());
    }

    @Test
    void birthKnownOnlyAsAYearIsKeptAsTheYear() {
        answer(reply(citizen("1950")));

        assertThat(lookup(client()).person())
                .hasValueSatisfying(p -> assertThat(p.birth()).isEqualTo("1950"));
    }

    @Test
    void clientFaultIsRejectedWithoutRetry() {
        wireMock.stubFor(post(PATH)
                .willReturn(aResponse().withStatus(500).withBody(fault("soapenv:Client", "Chữ ký không hợp lệ"))));

        assertThatThrownBy(() -> lookup(client()))
                .isInstanceOf(PopulationRejectedException.class)
                .hasMessageContaining("Chữ ký không hợp lệ")
                .hasMessageNotContaining(ID);
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void serverFaultIsRetried() {
        wireMock.stubFor(post(PATH)
                .atPriority(1)
                .inScenario("busy")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withBody(fault("soapenv:Server", "Hệ thống bận"))));
        wireMock.stubFor(
                post(PATH).atPriority(2).willReturn(aResponse().withStatus(200).withBody(reply(citizen("20030115")))));
        PopulationClient client = client();

        assertThat(lookup(client).person()).isPresent();
        wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(client.retries()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWaitsRetryAfter() {
        wireMock.stubFor(post(PATH)
                .atPriority(1)
                .inScenario("limit")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        wireMock.stubFor(
                post(PATH).atPriority(2).willReturn(aResponse().withStatus(200).withBody(reply(""))));
        PopulationClient client = client();

        long start = System.nanoTime();
        assertThat(lookup(client)).isEqualTo(LookupResult.notFound());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(client.tooManyRequests()).isEqualTo(1);
    }

    @Test
    void persistentFailureMakesTheServiceUnavailable() {
        wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> lookup(client()))
                .isInstanceOf(PopulationUnavailableException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("********4567")
                .hasMessageNotContaining(ID);
        wireMock.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        answer("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY leak SYSTEM \"file:///etc/hostname\">]>"
                + reply("<CongDan><SoDinhDanh>&leak;</SoDinhDanh></CongDan>"));

        assertThatThrownBy(() -> lookup(client())).isInstanceOf(PopulationUnavailableException.class);
    }

    @Test
    void logsNeverShowTheFullIdNumber() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(PopulationClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            wireMock.stubFor(post(PATH)
                    .atPriority(1)
                    .inScenario("busy")
                    .whenScenarioStateIs(STARTED)
                    .willSetStateTo("recovered")
                    .willReturn(aResponse().withStatus(503)));
            wireMock.stubFor(post(PATH)
                    .atPriority(2)
                    .willReturn(aResponse().withStatus(200).withBody(reply(citizen("20030115")))));

            lookup(client());

            assertThat(appender.list).isNotEmpty();
            assertThat(appender.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains(ID) || m.contains("Đũng") || m.contains("20030115"))
                    .anyMatch(m -> m.contains("********4567"));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }
}
