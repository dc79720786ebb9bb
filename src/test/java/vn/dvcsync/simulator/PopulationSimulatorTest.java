package vn.dvcsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PopulationSimulatorTest {

    private static final String USER = "dvcsync";
    private static final String SECRET = "s3cret";
    private static final String API_KEY = "key-123";
    private static final String CLIENT = "VN/GOV/000.00.00.H26/DVCSYNC";
    private static final String DANCU = "http://www.mic.gov.vn/dancu/1.0";
    /** 2024-05-01 10:00:00 in Vietnam. */
    private static final String NOW = "20240501100000";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T03:00:00Z"));
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PopulationSimulator population;

    @BeforeEach
    void start() {
        population =
                new PopulationSimulator(new PopulationSettings(0, USER, SECRET, API_KEY, CLIENT, clock, 3L)).start();
        population.putCitizens(List.of(
                new Citizen("001203004567", "Nguyễn", "Văn", "An", 1, "20030115"),
                new Citizen("079145000123", "Trần", "Thị", "Bình", 2, "1945")));
    }

    @AfterEach
    void stop() {
        population.close();
    }

    @Test
    void baseUrlIsTheServiceUrl() {
        assertThat(population.baseUrl())
                .isEqualTo("http://127.0.0.1:" + population.port() + "/dancu/TraCuuThongTinCongDan");
    }

    @Test
    void aSignedLookupFindsThePerson() throws Exception {
        HttpResponse<String> response = send(envelope("001203004567"), NOW, signature(NOW));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
        Document answer = parse(response.body());
        NodeList people = answer.getElementsByTagNameNS(DANCU, "CongDan");
        assertThat(people.getLength()).isEqualTo(1);
        Element person = (Element) people.item(0);
        assertThat(text(person, "SoDinhDanh")).isEqualTo("001203004567");
        assertThat(text(person, "Ho")).isEqualTo("Nguyễn");
        assertThat(text(person, "ChuDem")).isEqualTo("Văn");
        assertThat(text(person, "Ten")).isEqualTo("An");
        assertThat(text(person, "GioiTinh")).isEqualTo("1");
        assertThat(text(person, "NgayThangNam")).isEqualTo("20030115");
        assertThat(text(person, "MaTinhThanh")).isEqualTo("01");
        assertThat(answer.getElementsByTagNameNS("http://dancuquocgia.bca", "TraCuuThongTinCongDanResponse")
                        .getLength())
                .isEqualTo(1);
        assertThat(population.lookups("001203004567")).isEqualTo(1);
        assertThat(population.calls()).isEqualTo(1);
    }

    @Test
    void oldRecordsHaveOnlyABirthYear() throws Exception {
        Element person = (Element)
                parse(send(envelope("079145000123"), NOW, signature(NOW)).body())
                        .getElementsByTagNameNS(DANCU, "CongDan")
                        .item(0);
        assertThat(text(person, "NgayThangNam")).isEqualTo("1945");
        assertThat(text(person, "GioiTinh")).isEqualTo("2");
        assertThat(text(person, "MaTinhThanh")).isEqualTo("79");
    }

    @Test
    void anUnknownIdGivesAnEmptyCollection() throws Exception {
        HttpResponse<String> response = send(envelope("001299999999"), NOW, signature(NOW));

        assertThat(response.statusCode()).isEqualTo(200);
        Document answer = parse(response.body());
        assertThat(answer.getElementsByTagNameNS(DANCU, "CongdanCollection").getLength())
                .isEqualTo(1);
        assertThat(answer.getElementsByTagNameNS(DANCU, "CongDan").getLength()).isZero();
        assertThat(population.lookups("001299999999")).isEqualTo(1);
    }

    @Test
    void aWrongSignatureIsAClientFault() throws Exception {
        assertClientFault(send(envelope("001203004567"), NOW, authorization(USER, "0".repeat(64))));
        String otherSecret = hex(sha256("http://elsewhere/dancu/TraCuuThongTinCongDan" + USER + NOW + SECRET));
        assertClientFault(send(envelope("001203004567"), NOW, authorization(USER, otherSecret)));
        assertClientFault(send(envelope("001203004567"), NOW, null));
        assertThat(population.lookups("001203004567")).isZero();
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsAClientFault() throws Exception {
        String stale = "20240501095459";
        assertClientFault(send(envelope("001203004567"), stale, signature(stale)));
        String ahead = "20240501100501";
        assertClientFault(send(envelope("001203004567"), ahead, signature(ahead)));

        String fiveMinutesAgo = "20240501095500";
        assertThat(send(envelope("001203004567"), fiveMinutesAgo, signature(fiveMinutesAgo))
                        .statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertClientFault(send(envelope("001203004567"), fiveMinutesAgo, signature(fiveMinutesAgo)));
    }

    @Test
    void malformedRequestsAreClientFaults() throws Exception {
        assertClientFault(send(envelope(""), NOW, signature(NOW)));
        assertClientFault(send("<soapenv:Envelope", NOW, signature(NOW)));
        assertClientFault(send("<Envelope><Body/></Envelope>", NOW, signature(NOW)));
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY id SYSTEM \"file:///etc/hostname\">]>"
                + envelope("&id;").substring(envelope("").indexOf("<soapenv:Envelope"));
        assertClientFault(send(entity, NOW, signature(NOW)));
    }

    @Test
    void wrongHeadersAreClientFaults() throws Exception {
        HttpRequest.Builder noAction =
                request(envelope("001203004567"), NOW, signature(NOW)).setHeader("SOAPAction", "\"Other\"");
        assertClientFault(http.send(noAction.build(), HttpResponse.BodyHandlers.ofString()));
        HttpRequest.Builder wrongKey =
                request(envelope("001203004567"), NOW, signature(NOW)).setHeader("ApiKey", "nope");
        assertClientFault(http.send(wrongKey.build(), HttpResponse.BodyHandlers.ofString()));
        HttpRequest.Builder wrongClient =
                request(envelope("001203004567"), NOW, signature(NOW)).setHeader("X-Road-Client", "VN/GOV/other");
        assertClientFault(http.send(wrongClient.build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void theServerFaultKnobAnswersRetryableFaults() throws Exception {
        population.knobs().serverFaultShare(1.0);
        HttpResponse<String> response = send(envelope("001203004567"), NOW, signature(NOW));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(faultCode(response)).isEqualTo("soapenv:Server");
        assertThat(population.lookups("001203004567")).isZero();
    }

    @Test
    void callsAboveTheRateGet429() throws Exception {
        population.knobs().ratePerSecond(2);
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = send(envelope("001203004567"), NOW, signature(NOW));
            if (response.statusCode() == 429) {
                limited++;
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);
        assertThat(population.http429Count()).isEqualTo(limited);

        population.knobs().ratePerSecond(0).http429Share(1.0).retryAfterSeconds(3);
        HttpResponse<String> injected = send(envelope("001203004567"), NOW, signature(NOW));
        assertThat(injected.statusCode()).isEqualTo(429);
        assertThat(injected.headers().firstValue("Retry-After")).hasValue("3");
    }

    private void assertClientFault(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(faultCode(response)).isEqualTo("soapenv:Client");
    }

    private static String faultCode(HttpResponse<String> response) throws Exception {
        Document fault = parse(response.body());
        assertThat(fault.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault")
                        .getLength())
                .isEqualTo(1);
        return fault.getElementsByTagName("faultcode").item(0).getTextContent();
    }

    private HttpResponse<String> send(String body, String timestamp, String authorization) throws Exception {
        return http.send(request(body, timestamp, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String body, String timestamp, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(population.baseUrl()))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"TraCuuThongTinCongDan\"")
                .header("X-Road-Client", CLIENT)
                .header("ApiKey", API_KEY)
                .header("Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** The contract's signature, computed here independently of the simulator. */
    private String signature(String timestamp) throws Exception {
        return authorization(USER, hex(sha256(population.baseUrl() + USER + timestamp + SECRET)));
    }

    private static String authorization(String user, String signature) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + signature).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static String envelope(String soDinhDanh) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:dc=\"http://dancuquocgia.bca\">"
                + "<soapenv:Body><dc:TraCuuThongTinCongDan>"
                + "<dc:MaYeuCau>8f0c0d8e-1d7a-4c55-9d8a-0f5b2c4e9a11</dc:MaYeuCau>"
                + "<dc:MaDVC>1.001612.000.00.00.H26</dc:MaDVC><dc:MaTichHop>037</dc:MaTichHop>"
                + "<dc:MaCanBo>DVCSYNC</dc:MaCanBo><dc:MaDonVi>000.00.00.H26</dc:MaDonVi>"
                + "<dc:SoDinhDanh>" + soDinhDanh + "</dc:SoDinhDanh>"
                + "<dc:HoVaTen>NGUYEN VAN AN</dc:HoVaTen>"
                + "<dc:NgayThangNamSinh><dc:NgayThangNam>20030115</dc:NgayThangNam></dc:NgayThangNamSinh>"
                + "</dc:TraCuuThongTinCongDan></soapenv:Body></soapenv:Envelope>";
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(DANCU, name).item(0).getTextContent();
    }
}
