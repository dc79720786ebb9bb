package vn.dvcsync.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.portal.PortalClient.DossierPage;
import vn.dvcsync.portal.PortalClient.ItemResult;

class PortalClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "/dvcqg/auth";
    private static final String INTEGRATION = "/dvcqg/integration";

    private static final FakePortal portal = new FakePortal();
    private static WireMockServer wireMock;
    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().dynamicPort().extensions(portal));
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
        portal.reset();
        wireMock.stubFor(post(AUTH).atPriority(10).willReturn(aResponse().withTransformers(FakePortal.NAME)));
        wireMock.stubFor(post(INTEGRATION).atPriority(10).willReturn(aResponse().withTransformers(FakePortal.NAME)));
    }

    private PortalClient client(int maxAttempts, Duration timeout, int batchSize, UnansweredSteps unansweredSteps) {
        PortalProperties properties = new PortalProperties(
                null,
                "gateway",
                "secret-pw",
                batchSize,
                0,
                1,
                timeout,
                new PortalProperties.Retry(maxAttempts, Duration.ofMillis(10), 2.0, Duration.ofSeconds(2)),
                PortalProperties.CircuitBreaker.DEFAULTS,
                unansweredSteps);
        return new PortalClient(
                properties,
                new ProvinceProperties("H26", "000.00.00.H26"),
                () -> wireMock.baseUrl() + "/dvcqg",
                template,
                JSON);
    }

    private PortalClient client(int maxAttempts, Duration timeout) {
        return client(maxAttempts, timeout, 50, UnansweredSteps.FAIL);
    }

    private PortalClient client() {
        return client(4, Duration.ofSeconds(5));
    }

    private static ObjectNode dossier(String maHoSo) {
        return JSON.createObjectNode()
                .put("MaHoSo", maHoSo)
                .put("MaTTHC", "1.001612.000.00.00.H26")
                .put("ChuHoSo", "Nguyễn Văn An")
                .put("TrangThaiHoSo", "2");
    }

    private static List<ObjectNode> steps(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> JSON.createObjectNode()
                        .put("MaHoSo", "H26." + i)
                        .put("TrangThai", "4")
                        .put("ThoiDiemXuLy", "20240102080000"))
                .toList();
    }

    private static List<ObjectNode> dossiers(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> dossier(String.format("H26.%05d", i)))
                .toList();
    }

    private static List<JsonNode> bodies(String path) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlEqualTo(path)))) {
            try {
                bodies.add(JSON.readTree(request.getBodyAsString()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return bodies;
    }

    private static RequestPatternBuilder pushes() {
        return postRequestedFor(urlEqualTo(INTEGRATION))
                .withRequestBody(matchingJsonPath("$.service", equalTo("DongBoHoSoMC")));
    }

    /** A stub answering the first integration call with {@code first}; later calls reach the fake portal. */
    private static void firstIntegrationCall(ResponseDefinitionBuilder first) {
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(1)
                .inScenario("first call")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("answered")
                .willReturn(first));
    }

    // ---------------------------------------------------------------- session

    @Test
    void logsInOnceAndReusesTheSessionForEveryCall() {
        PortalClient client = client();

        client.pushDossiers(dossiers(3), false);
        client.pushSteps(
                List.of(JSON.createObjectNode().put("MaHoSo", "H26.00001").put("TrangThai", "4")));
        client.pushDossiers(dossiers(2), true);

        wireMock.verify(1, postRequestedFor(urlEqualTo(AUTH)));
        JsonNode login = bodies(AUTH).get(0);
        assertThat(login.path("username").asText()).isEqualTo("gateway");
        assertThat(login.path("password").asText()).isEqualTo("secret-pw");
        assertThat(bodies(INTEGRATION))
                .hasSize(3)
                .allSatisfy(body -> assertThat(body.path("session").asText()).isEqualTo("tok-1"));
        assertThat(client.logins()).isEqualTo(1);
        assertThat(client.calls()).isEqualTo(4);
    }

    @Test
    void refusedSessionLeadsToOneNewLoginAndTheCallIsResent() {
        PortalClient client = client();
        client.pushDossiers(dossiers(1), false);
        portal.expireSessions();

        List<ItemResult> results = client.pushDossiers(dossiers(2), false);

        assertThat(results).extracting(ItemResult::code).containsExactly("0", "0");
        wireMock.verify(2, postRequestedFor(urlEqualTo(AUTH)));
        assertThat(bodies(INTEGRATION))
                .extracting(body -> body.path("session").asText())
                .containsExactly("tok-1", "tok-1", "tok-2");
        assertThat(client.retries()).isZero();
    }

    @Test
    void sessionRefusedAgainAfterAFreshLoginIsAnError() {
        PortalClient client = client();
        portal.refuseAllSessions = true;

        assertThatThrownBy(() -> client.pushDossiers(dossiers(1), false))
                .isInstanceOf(PortalUnavailableException.class)
                .hasMessageContaining("-1");
        wireMock.verify(2, postRequestedFor(urlEqualTo(AUTH)));
        wireMock.verify(2, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    @Test
    void sessionIsRenewedWhenItsLifetimeIsOver() {
        portal.expiresIn = 0;
        PortalClient client = client();

        client.pushDossiers(dossiers(1), false);
        client.pushDossiers(dossiers(1), false);

        assertThat(bodies(INTEGRATION))
                .extracting(body -> body.path("session").asText())
                .containsExactly("tok-1", "tok-2");
        wireMock.verify(2, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    @Test
    void wrongCredentialsAreRejected() {
        wireMock.stubFor(post(AUTH)
                .atPriority(1)
                .willReturn(okJson("{\"error_code\":\"-1\",\"message\":\"Sai tài khoản hoặc mật khẩu\"}")));

        assertThatThrownBy(() -> client().procedures())
                .isInstanceOf(PortalRejectedException.class)
                .hasMessageContaining("Sai tài khoản hoặc mật khẩu");
        wireMock.verify(1, postRequestedFor(urlEqualTo(AUTH)));
        wireMock.verify(0, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    // ---------------------------------------------------------------- requests

    @Test
    void requestFollowsTheContractFieldByField() {
        List<ObjectNode> sent = dossiers(2);

        client().pushDossiers(sent, false);
        client().pushDossiers(sent, true);

        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo(INTEGRATION)));
        // WireMock's server normalises the charset's case; HttpPostTest checks the exact bytes on the wire
        assertThat(requests)
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.getHeader("Content-Type"))
                        .isEqualToIgnoringCase("application/json; charset=utf-8"));
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(AUTH))).get(0).getHeader("Content-Type"))
                .isEqualToIgnoringCase("application/json; charset=utf-8");
        List<JsonNode> bodies = bodies(INTEGRATION);
        JsonNode create = bodies.get(0);
        assertThat(create.path("session").asText()).isEqualTo("tok-1");
        assertThat(create.path("madonvi").asText()).isEqualTo("000.00.00.H26");
        assertThat(create.path("service").asText()).isEqualTo("DongBoHoSoMC");
        assertThat(create.path("isUpdating").isTextual()).isTrue();
        assertThat(create.path("isUpdating").asText()).isEqualTo("False");
        assertThat(create.path("data")).isEqualTo(JSON.valueToTree(sent));
        assertThat(create.path("data").get(0).path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(bodies.get(1).path("isUpdating").asText()).isEqualTo("True");
    }

    @Test
    void stepsGoInBatchesWithTheirOwnService() {
        List<ObjectNode> steps = IntStream.range(0, 60)
                .mapToObj(i -> JSON.createObjectNode()
                        .put("MaHoSo", "H26." + i)
                        .put("TrangThai", "4")
                        .put("ThoiDiemXuLy", "20240102080000"))
                .toList();
        portal.itemCodes.put("H26.7:create", "4");

        List<ItemResult> results = client().pushSteps(steps);

        assertThat(results).hasSize(60);
        assertThat(results.get(7)).isEqualTo(new ItemResult("H26.7", "4", null, false));
        assertThat(results).filteredOn(ItemResult::ok).hasSize(59);
        List<JsonNode> bodies = bodies(INTEGRATION);
        assertThat(bodies).extracting(body -> body.path("service").asText()).containsOnly("CapNhatTienDoHoSoMC");
        assertThat(bodies).allSatisfy(body -> assertThat(body.has("isUpdating")).isFalse());
        assertThat(portal.batchSizes).containsExactly(50, 10);
    }

    // ---------------------------------------------------------------- batches and item results

    @Test
    void largeListsAreSentInBatchesOfFifty() {
        List<ObjectNode> sent = dossiers(120);

        List<ItemResult> results = client().pushDossiers(sent, false);

        assertThat(portal.batchSizes).containsExactly(50, 50, 20);
        assertThat(results)
                .extracting(ItemResult::maHoSo)
                .containsExactlyElementsOf(
                        sent.stream().map(d -> d.path("MaHoSo").asText()).toList());
        assertThat(results).allMatch(ItemResult::ok);
    }

    @Test
    void everyItemCodeIsHonoured() {
        portal.itemCodes.put("H26.B:create", "2");
        portal.itemMessages.put("H26.B", "NgayHenTra trước NgayTiepNhan");
        portal.itemCodes.put("H26.C:create", "3");
        portal.itemCodes.put("H26.D:create", "3");
        portal.itemCodes.put("H26.D:update", "4");

        List<ItemResult> results = client().pushDossiers(
                        List.of(dossier("H26.A"), dossier("H26.B"), dossier("H26.C"), dossier("H26.D")), false);

        assertThat(results)
                .containsExactly(
                        new ItemResult("H26.A", "0", null, false),
                        new ItemResult("H26.B", "2", "NgayHenTra trước NgayTiepNhan", false),
                        new ItemResult("H26.C", "0", null, true),
                        new ItemResult("H26.D", "4", null, true));
        List<JsonNode> bodies = bodies(INTEGRATION).stream()
                .filter(body -> body.path("service").asText().equals("DongBoHoSoMC"))
                .toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1).path("isUpdating").asText()).isEqualTo("True");
        assertThat(bodies.get(1).path("data"))
                .extracting(d -> d.path("MaHoSo").asText())
                .containsExactly("H26.C", "H26.D");
    }

    @Test
    void updateOfAnUnknownDossierIsSentAgainAsACreate() {
        portal.itemCodes.put("H26.B:update", "4");
        portal.itemCodes.put("H26.C:update", "4");
        portal.itemCodes.put("H26.C:create", "3");

        List<ItemResult> results =
                client().pushDossiers(List.of(dossier("H26.A"), dossier("H26.B"), dossier("H26.C")), true);

        assertThat(results)
                .containsExactly(
                        new ItemResult("H26.A", "0", null, true),
                        new ItemResult("H26.B", "0", null, false),
                        new ItemResult("H26.C", "3", null, false));
        assertThat(bodies(INTEGRATION))
                .extracting(body -> body.path("isUpdating").asText())
                .containsExactly("True", "False");
    }

    @Test
    void batchTooLargeIsSplitInHalves() {
        portal.maxBatch = 20;
        List<ObjectNode> sent = dossiers(50);

        List<ItemResult> results = client().pushDossiers(sent, false);

        assertThat(portal.batchSizes).containsExactly(50, 25, 13, 12, 25, 13, 12);
        assertThat(results)
                .extracting(ItemResult::maHoSo)
                .containsExactlyElementsOf(
                        sent.stream().map(d -> d.path("MaHoSo").asText()).toList());
        assertThat(results).allMatch(ItemResult::ok);
    }

    // ---------------------------------------------------------------- failures

    @Test
    void tooManyRequestsWaitsRetryAfterThenSucceeds() {
        firstIntegrationCall(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        PortalClient client = client();

        long start = System.nanoTime();
        List<ItemResult> results = client.pushDossiers(dossiers(1), false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(results).extracting(ItemResult::code).containsExactly("0");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(client.tooManyRequests()).isEqualTo(1);
        assertThat(client.retries()).isEqualTo(1);
        wireMock.verify(2, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    @Test
    void serviceUnavailableWaitsRetryAfterThenSucceeds() {
        firstIntegrationCall(aResponse().withStatus(503).withHeader("Retry-After", "1"));
        PortalClient client = client();

        long start = System.nanoTime();
        assertThat(client.pushDossiers(dossiers(1), false))
                .extracting(ItemResult::code)
                .containsExactly("0");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        wireMock.verify(2, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    @Test
    void stepsWhoseAnswerNeverCameAreUnconfirmedAndNoOtherCallCarriesThem() {
        List<ObjectNode> steps = steps(2);
        // the portal processes the call but its answer comes after the time-out
        firstIntegrationCall(aResponse().withTransformers(FakePortal.NAME).withFixedDelay(1500));
        List<ItemResult> lost = client(3, Duration.ofMillis(400)).pushSteps(steps);

        assertThat(lost)
                .extracting(ItemResult::maHoSo, ItemResult::code)
                .containsExactly(
                        tuple("H26.0", ItemCode.UNCONFIRMED.code()), tuple("H26.1", ItemCode.UNCONFIRMED.code()));
        assertThat(lost)
                .allSatisfy(
                        r -> assertThat(r.message())
                                .matches(
                                        "sent at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+07:00, the portal's answer was lost \\(.+\\)"));
        assertThat(portal.batchSizes).as("one call: the portal holds them once").containsExactly(2);
        wireMock.verify(1, postRequestedFor(urlEqualTo(INTEGRATION)));

        // a connection lost after sending and a gateway's 504 leave the same doubt
        for (ResponseDefinitionBuilder unanswered : List.of(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(504))) {
            reset();
            firstIntegrationCall(unanswered);
            assertThat(client().pushSteps(steps))
                    .extracting(ItemResult::code)
                    .containsOnly(ItemCode.UNCONFIRMED.code());
            wireMock.verify(1, postRequestedFor(urlEqualTo(INTEGRATION)));
        }

        reset();
        firstIntegrationCall(aResponse().withStatus(503));
        assertThat(client().pushSteps(steps))
                .as("a 503 is an answer: nothing was processed, the steps go again")
                .extracting(ItemResult::code, ItemResult::resentUnanswered)
                .containsOnly(tuple("0", false));
        assertThat(portal.batchSizes).containsExactly(2);
    }

    @Test
    void onlyTheStepsOfTheUnansweredPartOfAPushAreUnconfirmed() {
        // two calls of two steps: the first one's answer comes after the time-out, the second is answered
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.data[0].MaHoSo", equalTo("H26.0")))
                .willReturn(aResponse().withTransformers(FakePortal.NAME).withFixedDelay(1500)));
        assertThat(client(3, Duration.ofMillis(400), 2, UnansweredSteps.FAIL).pushSteps(steps(4)))
                .extracting(ItemResult::code)
                .containsExactly(ItemCode.UNCONFIRMED.code(), ItemCode.UNCONFIRMED.code(), "0", "0");
        assertThat(portal.batchSizes).containsExactly(2, 2);

        // a call of four the portal calls too large (5) is split: the second half's answer is lost
        reset();
        portal.maxBatch = 2;
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.data[0].MaHoSo", equalTo("H26.2")))
                .willReturn(aResponse().withTransformers(FakePortal.NAME).withFixedDelay(1500)));
        assertThat(client(3, Duration.ofMillis(400)).pushSteps(steps(4)))
                .extracting(ItemResult::code)
                .containsExactly("0", "0", ItemCode.UNCONFIRMED.code(), ItemCode.UNCONFIRMED.code());
        assertThat(portal.batchSizes).containsExactly(4, 2, 2);

        // an answer that cannot be matched to the steps says nothing of which were appended
        reset();
        firstIntegrationCall(okJson("{\"error_code\": \"0\", \"result\": []}"));
        List<ItemResult> unmatched = client().pushSteps(steps(2));
        assertThat(unmatched).extracting(ItemResult::code).containsOnly(ItemCode.UNCONFIRMED.code());
        assertThat(unmatched.get(0).message()).contains("0 item results for 2 items");
        wireMock.verify(1, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    @Test
    void withResendStepsResentAfterAnAnswerThatNeverCameAreMarkedAndOthersAreNot() {
        List<ObjectNode> steps = steps(2);
        // the portal processes the call but its answer comes after the time-out: the steps go out again
        firstIntegrationCall(aResponse().withTransformers(FakePortal.NAME).withFixedDelay(1500));
        List<ItemResult> lost =
                client(3, Duration.ofMillis(400), 50, UnansweredSteps.RESEND).pushSteps(steps);

        assertThat(lost)
                .extracting(ItemResult::code, ItemResult::resentUnanswered)
                .containsOnly(tuple("0", true));
        assertThat(portal.batchSizes)
                .as("both calls processed: the portal holds them twice")
                .containsExactly(2, 2);

        reset();
        firstIntegrationCall(aResponse().withStatus(503));
        assertThat(client(3, Duration.ofSeconds(5), 50, UnansweredSteps.RESEND).pushSteps(steps))
                .as("a 503 is an answer: nothing was processed")
                .extracting(ItemResult::code, ItemResult::resentUnanswered)
                .containsOnly(tuple("0", false));
    }

    @Test
    void aDossierWrittenByACallWhoseAnswerTimedOutIsNotWrittenAgain() {
        firstIntegrationCall(aResponse().withTransformers(FakePortal.NAME).withFixedDelay(1500));
        PortalClient client = client(3, Duration.ofMillis(400));

        List<ItemResult> results = client.pushDossiers(dossiers(2), false);

        assertThat(results)
                .extracting(ItemResult::code, ItemResult::message)
                .containsOnly(tuple("0", PortalClient.ALREADY_HELD));
        assertThat(portal.writes).containsOnly(Map.entry("H26.00000", 1), Map.entry("H26.00001", 1));
        assertThat(client.alreadyHeld()).isEqualTo(2);
    }

    @Test
    void aDossierWrittenByACallWhoseConnectionWasLostIsNotWrittenAgain() {
        firstIntegrationCall(aResponse().withTransformers(FakePortal.NAME).withFault(Fault.CONNECTION_RESET_BY_PEER));
        PortalClient client = client();

        List<ItemResult> results = client.pushDossiers(dossiers(2), false);

        assertThat(results)
                .extracting(ItemResult::code, ItemResult::message)
                .containsOnly(tuple("0", PortalClient.ALREADY_HELD));
        assertThat(portal.writes).containsOnly(Map.entry("H26.00000", 1), Map.entry("H26.00001", 1));
    }

    @Test
    void aCreateAnsweredAlreadyExistsIsNotRewrittenWhenAnEarlierUnansweredAttemptGotThrough() {
        PortalClient client = client();
        client.pushDossiers(dossiers(1), false);
        portal.itemCodes.put("H26.00000:create", "3");

        List<ItemResult> again = client.pushDossiers(dossiers(1), false, Set.of("H26.00000"));

        assertThat(again)
                .extracting(ItemResult::code, ItemResult::message)
                .containsExactly(tuple("0", PortalClient.ALREADY_HELD));
        assertThat(portal.writes).containsExactly(Map.entry("H26.00000", 1));
    }

    @Test
    void aCreateAnsweredAlreadyExistsIsRewrittenAsAnUpdateWhenNothingWasHandedOverBefore() {
        PortalClient client = client();
        client.pushDossiers(dossiers(1), false);
        portal.itemCodes.put("H26.00000:create", "3");

        List<ItemResult> again = client.pushDossiers(dossiers(1), false, Set.of());

        assertThat(again).extracting(ItemResult::code, ItemResult::updated).containsExactly(tuple("0", true));
        assertThat(portal.writes).containsExactly(Map.entry("H26.00000", 2));
    }

    @Test
    void unconfirmedDossiersAreLookedUpBeforeTheyAreSentAndOnlyThoseThePortalHoldsDifferentlyAreWritten() {
        PortalClient client = client();
        client.pushDossiers(dossiers(2), false);
        List<ObjectNode> changed = dossiers(2);
        changed.get(1).put("TrangThaiHoSo", "4");

        List<ItemResult> results = client.pushDossiers(changed, true, Set.of("H26.00000", "H26.00001"));

        assertThat(results).extracting(ItemResult::code).containsExactly("0", "0");
        assertThat(results).extracting(ItemResult::message).containsExactly(PortalClient.ALREADY_HELD, null);
        assertThat(portal.writes).containsOnly(Map.entry("H26.00000", 1), Map.entry("H26.00001", 2));
        assertThat(portal.held.get("H26.00001").path("TrangThaiHoSo").asText()).isEqualTo("4");
    }

    @Test
    void serverErrorIsRetried() {
        firstIntegrationCall(aResponse().withStatus(502));
        PortalClient client = client();

        assertThat(client.pushDossiers(dossiers(1), false))
                .extracting(ItemResult::code)
                .containsExactly("0");
        assertThat(client.retries()).isEqualTo(1);
        // a gateway's 502 may come after the portal processed the call: the dossier is looked up, then resent
        wireMock.verify(2, pushes());
        wireMock.verify(
                1,
                postRequestedFor(urlEqualTo(INTEGRATION))
                        .withRequestBody(matchingJsonPath("$.service", equalTo("TraCuuHoSo"))));
    }

    @Test
    void connectionResetIsRetried() {
        firstIntegrationCall(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(client().pushDossiers(dossiers(1), false))
                .extracting(ItemResult::code)
                .containsExactly("0");
        wireMock.verify(2, pushes());
    }

    @Test
    void timeOutIsRetried() {
        firstIntegrationCall(
                aResponse().withStatus(200).withFixedDelay(1500).withBody("{\"error_code\":\"0\",\"result\":[]}"));
        PortalClient client = client(3, Duration.ofMillis(400));

        assertThat(client.pushDossiers(dossiers(1), false))
                .extracting(ItemResult::code)
                .containsExactly("0");
        assertThat(client.retries()).isEqualTo(1);
    }

    @Test
    void portalInternalErrorIsRetried() {
        firstIntegrationCall(okJson("{\"error_code\":\"9\",\"message\":\"Lỗi hệ thống\"}"));

        assertThat(client().pushDossiers(dossiers(1), false))
                .extracting(ItemResult::code)
                .containsExactly("0");
        wireMock.verify(2, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    @Test
    void exhaustedRetriesMakeThePortalUnavailable() {
        wireMock.stubFor(post(INTEGRATION).atPriority(1).willReturn(aResponse().withStatus(503)));
        PortalClient client = client(3, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.pushDossiers(dossiers(1), false))
                .isInstanceOf(PortalUnavailableException.class)
                .hasMessageContaining("3 attempts")
                .hasMessageContaining("HTTP 503");
        wireMock.verify(3, postRequestedFor(urlEqualTo(INTEGRATION)));
        assertThat(client.retries()).isEqualTo(2);
    }

    @Test
    void malformedRequestIsRejectedWithoutRetry() {
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(1)
                .willReturn(okJson("{\"error_code\":\"1\",\"message\":\"Thiếu tham số\"}")));

        assertThatThrownBy(() -> client().pushDossiers(dossiers(1), false))
                .isInstanceOf(PortalRejectedException.class)
                .hasMessageContaining("Thiếu tham số");
        wireMock.verify(1, postRequestedFor(urlEqualTo(INTEGRATION)));
    }

    // ---------------------------------------------------------------- reads

    @Test
    void findsADossierOrReportsItAbsent() {
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.service", equalTo("TraCuuHoSo")))
                .withRequestBody(matchingJsonPath("$.mahoso", equalTo("H26.A")))
                .willReturn(okJson("{\"error_code\":\"0\",\"result\":{\"MaHoSo\":\"H26.A\",\"TrangThaiHoSo\":\"4\","
                        + "\"NgayDongBo\":\"20240101080000\",\"NgayCapNhat\":\"20240102080000\"}}")));
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.service", equalTo("TraCuuHoSo")))
                .willReturn(okJson("{\"error_code\":\"4\"}")));
        PortalClient client = client();

        assertThat(client.findDossier("H26.A")).hasValueSatisfying(d -> {
            assertThat(d.path("TrangThaiHoSo").asText()).isEqualTo("4");
            assertThat(d.path("NgayCapNhat").asText()).isEqualTo("20240102080000");
        });
        assertThat(client.findDossier("H26.Z")).isEmpty();
    }

    @Test
    void listsDossiersPageByPage() {
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.service", equalTo("DanhSachHoSo")))
                .withRequestBody(matchingJsonPath("$.sau", equalTo("H26.B")))
                .willReturn(okJson("{\"error_code\":\"0\",\"result\":[{\"MaHoSo\":\"H26.C\"}],\"sau\":null}")));
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.service", equalTo("DanhSachHoSo")))
                .willReturn(okJson("{\"error_code\":\"0\",\"result\":[{\"MaHoSo\":\"H26.A\"},{\"MaHoSo\":\"H26.B\"}],"
                        + "\"sau\":\"H26.B\"}")));
        PortalClient client = client();

        DossierPage first = client.listDossiers("20240101000000", "20250101000000", null, 2);
        DossierPage second = client.listDossiers("20240101000000", "20250101000000", first.sau(), 2);

        assertThat(first.items()).extracting(d -> d.path("MaHoSo").asText()).containsExactly("H26.A", "H26.B");
        assertThat(first.sau()).isEqualTo("H26.B");
        assertThat(second.items()).extracting(d -> d.path("MaHoSo").asText()).containsExactly("H26.C");
        assertThat(second.last()).isTrue();
        JsonNode firstRequest = bodies(INTEGRATION).get(0);
        assertThat(firstRequest.has("sau")).isFalse();
        assertThat(firstRequest.path("tungay").asText()).isEqualTo("20240101000000");
        assertThat(firstRequest.path("denngay").asText()).isEqualTo("20250101000000");
        assertThat(firstRequest.path("sobanghi").asInt()).isEqualTo(2);
    }

    @Test
    void readsTheProcedureCatalogue() {
        wireMock.stubFor(post(INTEGRATION)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.service", equalTo("LayDanhSachTTHC")))
                .willReturn(okJson("{\"error_code\":\"0\",\"result\":[{\"MaTTHC\":\"1.001612.000.00.00.H26\","
                        + "\"TenTTHC\":\"Đăng ký khai sinh\",\"CongKhai\":\"1\",\"NgayCongKhai\":\"20230501\"}]}")));

        List<ObjectNode> procedures = client().procedures();

        assertThat(procedures).singleElement().satisfies(p -> {
            assertThat(p.path("MaTTHC").asText()).isEqualTo("1.001612.000.00.00.H26");
            assertThat(p.path("TenTTHC").asText()).isEqualTo("Đăng ký khai sinh");
        });
    }
}
