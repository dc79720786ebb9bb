package vn.dvcsync.population;

import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.support.Backoff;
import vn.dvcsync.support.CallMeters;
import vn.dvcsync.support.HttpPost;
import vn.dvcsync.support.Pacer;
import vn.dvcsync.support.Retrier;
import vn.dvcsync.support.Retrier.Retry;

/**
 * Client of the population database's citizen lookup {@code TraCuuThongTinCongDan} (contract:
 * {@code population-api.md}): signed SOAP 1.1 request, namespace-aware parsing with external entities
 * off, paced to {@code ratePerSecond}, retried with back-off on {@code soapenv:Server} faults, 5xx, I/O
 * errors and time-outs, after {@code Retry-After} on 429. Thread-safe. Logs show ID numbers masked.
 */
public class PopulationClient {

    private static final Logger log = LoggerFactory.getLogger(PopulationClient.class);

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String DC = "http://dancuquocgia.bca";
    static final String DANCU = "http://www.mic.gov.vn/dancu/1.0";
    static final String INTEGRATION_CODE = "037";
    static final String OFFICER_CODE = "DVCSYNC";
    /** The service's name in the metrics. */
    static final String SERVICE = "TraCuuThongTinCongDan";

    private static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final String SOAP_ACTION = "\"TraCuuThongTinCongDan\"";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Vietnam.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern LONG_NUMBERS = Pattern.compile("\\d{9,}");
    /** Deepest element nesting of a reply accepted (an answer nests about 8 deep). */
    static final int MAX_DEPTH = 64;

    private final PopulationProperties properties;
    private final PopulationUrl url;
    private final Clock clock;
    private final HttpPost http;
    private final Pacer pacer;
    private final Retrier retrier;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong tooManyRequests = new AtomicLong();
    private final CallMeters meters;

    public PopulationClient(
            PopulationProperties properties, PopulationUrl url, ProducerTemplate template, Clock clock) {
        this(properties, url, template, clock, CallMeters.none("population"));
    }

    /**
     * @param meters where the calls and retries are counted ({@code dvcsync.population.*}), and the look-ups
     *               ({@code dvcsync.population.lookups}, by outcome)
     */
    public PopulationClient(
            PopulationProperties properties,
            PopulationUrl url,
            ProducerTemplate template,
            Clock clock,
            CallMeters meters) {
        this.meters = meters;
        this.properties = properties;
        this.url = url;
        this.clock = clock;
        this.http = new HttpPost(
                template,
                orDefault(properties.timeout(), Duration.ofSeconds(10)),
                properties.maxReplySize() != null ? properties.maxReplySize().toBytes() : 64 << 10);
        this.pacer = new Pacer(properties.ratePerSecond());
        this.retrier = new Retrier(
                log,
                "population",
                properties.maxAttempts(),
                new Backoff(
                        orDefault(properties.retryInitialDelay(), Duration.ofMillis(500)),
                        2.0,
                        orDefault(properties.retryMaxDelay(), Duration.ofSeconds(30))),
                meters);
    }

    /**
     * Looks a citizen up by ID number. Name and birth date travel for the service's audit log; comparing
     * them is the caller's job ({@link ApplicantComparison}).
     *
     * @param procedureCode the dossier's national procedure code ({@code MaDVC})
     * @param agencyCode    the agency asking ({@code MaDonVi})
     * @throws PopulationRejectedException    the service refused the request ({@code soapenv:Client})
     * @throws PopulationUnavailableException the service kept failing
     */
    public LookupResult lookup(
            String soDinhDanh, String fullName, LocalDate birthDate, String procedureCode, String agencyCode) {
        String masked = IdNumbers.mask(soDinhDanh);
        String outcome = "unavailable";
        try {
            LookupResult result = retrier.run(
                    "lookup " + masked,
                    SERVICE,
                    () -> attempt(soDinhDanh, masked, fullName, birthDate, procedureCode, agencyCode),
                    PopulationUnavailableException::new);
            outcome = result.person().isPresent() ? "found" : "not_found";
            return result;
        } catch (PopulationRejectedException e) {
            outcome = "rejected";
            throw e;
        } finally {
            Counter.builder("dvcsync.population.lookups")
                    .description("Look-ups of a citizen, retries included, by outcome")
                    .tag("outcome", outcome)
                    .register(meters.registry())
                    .increment();
        }
    }

    /** The calls made so far, counted and the last ones kept. */
    public CallMeters meters() {
        return meters;
    }

    /** HTTP requests sent (retries included). */
    public long calls() {
        return calls.get();
    }

    /** HTTP 429 answers seen. */
    public long tooManyRequests() {
        return tooManyRequests.get();
    }

    /** Attempts repeated after a failure. */
    public long retries() {
        return retrier.retries();
    }

    // ---------------------------------------------------------------- one attempt

    private LookupResult attempt(
            String soDinhDanh,
            String masked,
            String fullName,
            LocalDate birthDate,
            String procedureCode,
            String agencyCode)
            throws Retry {
        String requestUrl = url.get();
        String timestamp = TIMESTAMP.format(clock.instant());
        byte[] body = envelope(UUID.randomUUID().toString(), procedureCode, agencyCode, soDinhDanh, fullName, birthDate)
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("SOAPAction", SOAP_ACTION);
        headers.put("X-Road-Client", nullToEmpty(properties.xRoadClient()));
        headers.put("ApiKey", nullToEmpty(properties.apiKey()));
        headers.put("Timestamp", timestamp);
        headers.put("Authorization", authorization(requestUrl, properties.username(), timestamp, properties.secret()));

        pacer.acquire();
        calls.incrementAndGet();
        long start = System.nanoTime();
        HttpPost.Reply<byte[]> reply;
        try {
            reply = http.post(requestUrl, CONTENT_TYPE, headers, body);
        } catch (IOException e) {
            log.debug("population lookup {}: no reply after {} ms", masked, millisSince(start));
            meters.call(SERVICE, CallMeters.NO_REPLY);
            throw new Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        int status = reply.status();
        Document document = parse(reply.body());
        Element fault = document == null ? null : first(document.getElementsByTagNameNS(SOAP_ENV, "Fault"));
        if (fault != null) {
            String code = childText(fault, "faultcode");
            String text = redact(childText(fault, "faultstring"));
            log.debug("population lookup {}: HTTP {}, fault {}, in {} ms", masked, status, code, millisSince(start));
            String local = code == null ? "" : code.substring(code.indexOf(':') + 1);
            if (local.equals("Server") || local.startsWith("Server.")) {
                meters.call(SERVICE, CallMeters.UNAVAILABLE);
                throw new Retry(code + " fault: " + text);
            }
            meters.call(SERVICE, CallMeters.REJECTED);
            throw new PopulationRejectedException("population lookup " + masked + ": " + code + " fault: " + text);
        }
        if (status != 200) {
            log.debug("population lookup {}: HTTP {} in {} ms", masked, status, millisSince(start));
            if (status == 429) {
                tooManyRequests.incrementAndGet();
                meters.call(SERVICE, CallMeters.TOO_MANY_REQUESTS);
                throw new Retry("HTTP 429 Too Many Requests", reply.retryAfter().orElse(null));
            }
            if (status >= 500 || status == 408) {
                meters.call(SERVICE, CallMeters.UNAVAILABLE);
                throw new Retry(
                        "HTTP " + status, status == 503 ? reply.retryAfter().orElse(null) : null);
            }
            meters.call(SERVICE, CallMeters.REJECTED);
            throw new PopulationRejectedException("population lookup " + masked + ": HTTP " + status);
        }
        Element collection =
                document == null ? null : first(document.getElementsByTagNameNS(DANCU, "CongdanCollection"));
        if (collection == null) {
            log.debug("population lookup {}: HTTP 200 without CongdanCollection in {} ms", masked, millisSince(start));
            meters.call(SERVICE, CallMeters.UNREADABLE);
            throw new Retry("HTTP 200 with a reply that has no CongdanCollection");
        }
        LookupResult result = read(collection, soDinhDanh);
        meters.call(SERVICE, CallMeters.OK);
        log.debug(
                "population lookup {}: {} in {} ms",
                masked,
                result.person().isPresent() ? "found" : "not found",
                millisSince(start));
        return result;
    }

    // ---------------------------------------------------------------- request

    /** {@code Basic base64(user + ":" + hex(sha256(url + user + timestamp + secret)))}. */
    static String authorization(String url, String user, String timestamp, String secret) {
        String signed = HexFormat.of().formatHex(sha256(url + nullToEmpty(user) + timestamp + nullToEmpty(secret)));
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((nullToEmpty(user) + ":" + signed).getBytes(StandardCharsets.UTF_8));
    }

    static String envelope(
            String requestId,
            String procedureCode,
            String agencyCode,
            String soDinhDanh,
            String fullName,
            LocalDate birthDate) {
        return "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENV + "\" xmlns:dc=\"" + DC + "\">\n"
                + "  <soapenv:Body>\n"
                + "    <dc:TraCuuThongTinCongDan>\n"
                + element("MaYeuCau", requestId)
                + element("MaDVC", procedureCode)
                + element("MaTichHop", INTEGRATION_CODE)
                + element("MaCanBo", OFFICER_CODE)
                + element("MaDonVi", agencyCode)
                + element("SoDinhDanh", soDinhDanh)
                + element("HoVaTen", Names.unaccentedUpper(fullName))
                + "      <dc:NgayThangNamSinh><dc:NgayThangNam>" + (birthDate == null ? "" : DATE.format(birthDate))
                + "</dc:NgayThangNam></dc:NgayThangNamSinh>\n"
                + "    </dc:TraCuuThongTinCongDan>\n"
                + "  </soapenv:Body>\n"
                + "</soapenv:Envelope>\n";
    }

    private static String element(String name, String value) {
        return "      <dc:" + name + ">" + escape(value) + "</dc:" + name + ">\n";
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- response

    private static LookupResult read(Element collection, String soDinhDanh) {
        List<Element> people = children(collection, "CongDan");
        if (people.isEmpty()) {
            return LookupResult.notFound();
        }
        Element person = people.stream()
                .filter(p -> soDinhDanh != null && soDinhDanh.equals(childText(p, "SoDinhDanh")))
                .findFirst()
                .orElse(people.get(0));
        return LookupResult.found(
                new PopulationRecord(childText(person, "SoDinhDanh"), fullName(person), birth(person), sex(person)));
    }

    private static String fullName(Element person) {
        Element name = child(person, "HoVaTen");
        if (name == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : List.of("Ho", "ChuDem", "Ten")) {
            String text = childText(name, part);
            if (text != null && !text.isBlank()) {
                parts.add(text);
            }
        }
        String joined = parts.isEmpty() ? name.getTextContent() : String.join(" ", parts);
        String collapsed = Names.collapse(joined);
        return collapsed.isEmpty() ? null : collapsed;
    }

    private static String birth(Element person) {
        Element birth = child(person, "NgayThangNamSinh");
        String text = birth == null ? null : childText(birth, "NgayThangNam");
        return text == null || text.isEmpty() ? null : text;
    }

    private static Integer sex(Element person) {
        String text = childText(person, "GioiTinh");
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The reply as a namespace-aware DOM, or null when it is not XML. DTDs and external entities refused, elements
     * nested at most {@value #MAX_DEPTH} deep (the reply itself is at most {@code max-reply-size} bytes).
     */
    private static Document parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a security feature", e);
        } catch (SAXException | IOException e) {
            return null;
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static Element first(NodeList nodes) {
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    /** Child elements with this local name, in the parent's namespace (SOAP fault children have none). */
    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && localName.equals(e.getLocalName())
                    && (e.getNamespaceURI() == null || e.getNamespaceURI().equals(parent.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String childText(Element parent, String localName) {
        Element child = child(parent, localName);
        return child == null ? null : child.getTextContent().trim();
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Fault texts may echo the request: long digit runs (ID numbers) are masked. */
    private static String redact(String text) {
        return text == null ? null : LONG_NUMBERS.matcher(text).replaceAll(m -> IdNumbers.mask(m.group()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value != null ? value : fallback;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
