package vn.dvcsync.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * The admins' API as an admin uses it: dead letters acknowledged one by one, by ids and by filter, with a reason,
 * leave the list and are listed apart; every action — acknowledging, replaying, starting a run, suspending and
 * resuming a route, exporting a report — is in the audit log with who, from where and what; the routes show Camel's
 * statistics and really change state; the quarantine by reason; the instances alive. An OFFICIAL gets 403 on every
 * admin call, a caller without a login 401.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dvcsync.demo.dossiers=150",
            "dvcsync.demo.portal-history=false",
            "dvcsync.portal.batch-size=10",
            "dvcsync.portal.retry.max-attempts=1",
            "dvcsync.portal.circuit-breaker.minimum-calls=1000",
            "dvcsync.portal.circuit-breaker.sliding-window=1000",
            "dvcsync.ledger.max-attempts=1",
            "dvcsync.population.max-lookups-per-run=0",
            "dvcsync.report-dir=target/test-reports/admin-api"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    RunService runs;

    @Autowired
    PortalSimulator portal;

    @Autowired
    JdbcTemplate store;

    @Autowired
    CamelContext camel;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    long deadLetters;
    Run firstRun;

    @BeforeAll
    void everyPushFails() {
        portal.knobs().error5xxShare(1.0);
        firstRun = runs.execute(RunType.INCREMENTAL);
        portal.knobs().defaults().ratePerSecond(0);
        deadLetters = store.queryForObject("select count(*) from ledger where status = 'FAILED'", Long.class);
        assertThat(deadLetters).isGreaterThan(50);
    }

    @Test
    @Order(1)
    void anAdminAcknowledgesOneDeadLetterFoundOnThePortalAndTheAuditLogSaysWhoDidIt() {
        Map<String, Object> first = items(get("/api/v1/dead-letters?size=1")).get(0);
        long id = number(first.get("id"));

        Map<String, Object> answer =
                post("/api/v1/dead-letters/" + id + "/acknowledge", Map.of("reason", "found on the portal"));
        assertThat(answer).containsEntry("acknowledged", 1);

        Map<String, Object> list = get("/api/v1/dead-letters?size=500");
        assertThat(number(list.get("total"))).isEqualTo(deadLetters - 1);
        assertThat(items(list)).noneMatch(i -> number(i.get("id")) == id);
        Map<String, Object> closed =
                items(get("/api/v1/dead-letters/acknowledged")).get(0);
        assertThat(closed)
                .containsEntry("recordKey", first.get("recordKey"))
                .containsEntry("acknowledgedBy", "admin")
                .containsEntry("reason", "found on the portal");

        Map<String, Object> entry =
                items(get("/api/v1/audit?action=dead_letters_acknowledged")).get(0);
        assertThat(entry)
                .containsEntry("actor", "admin")
                .containsEntry("address", "127.0.0.1")
                .containsEntry("target", "ids=[" + id + "]");
        assertThat(entry.get("at")).isNotNull();
        assertThat(map(entry.get("details")))
                .containsEntry("acknowledged", 1)
                .containsEntry("reason", "found on the portal");

        assertThat(post("/api/v1/dead-letters/" + id + "/acknowledge", Map.of("reason", "again")))
                .as("closed already")
                .containsEntry("acknowledged", 0);
    }

    @Test
    @Order(2)
    void manyByIdsAndAllOfAUnitAtOnce() {
        List<Map<String, Object>> two = items(get("/api/v1/dead-letters?size=2"));
        List<Long> ids = two.stream().map(i -> number(i.get("id"))).toList();
        assertThat(post("/api/v1/dead-letters/acknowledge", Map.of("ids", ids, "reason", "sent by hand")))
                .containsEntry("acknowledged", 2);

        String unit = (String) items(get("/api/v1/dead-letters?size=1")).get(0).get("unitCode");
        long ofUnit = number(get("/api/v1/dead-letters?unit=" + unit).get("total"));
        assertThat(post("/api/v1/dead-letters/acknowledge?unit=" + unit, Map.of("reason", "unit closed")))
                .containsEntry("acknowledged", (int) ofUnit);
        assertThat(number(get("/api/v1/dead-letters?unit=" + unit).get("total")))
                .isZero();
        assertThat(number(get("/api/v1/dead-letters").get("total"))).isEqualTo(deadLetters - 3 - ofUnit);
        assertThat(items(get("/api/v1/audit?action=DEAD_LETTERS_ACKNOWLEDGED&target=unit=" + unit)))
                .singleElement()
                .satisfies(e -> assertThat(map(e.get("details"))).containsEntry("acknowledged", (int) ofUnit));
    }

    @Test
    @Order(3)
    void anAcknowledgementWithoutAReasonOrOfNoSuchDeadLetterIsRefused() {
        long before = number(get("/api/v1/dead-letters").get("total"));
        ResponseEntity<Map<String, Object>> noReason =
                exchange("admin", HttpMethod.POST, "/api/v1/dead-letters/acknowledge", Map.of("reason", " "));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noReason.getBody().get("error")).contains("needs a reason");
        assertThat(exchange(
                                "admin",
                                HttpMethod.POST,
                                "/api/v1/dead-letters/acknowledge",
                                Map.of("reason", "line\nbreak"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange(
                                "admin",
                                HttpMethod.POST,
                                "/api/v1/dead-letters/999999999/acknowledge",
                                Map.of("reason", "found on the portal"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(number(get("/api/v1/dead-letters").get("total"))).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aReplayAndARunStartedAreAudited() throws InterruptedException {
        long id = number(items(get("/api/v1/dead-letters?size=1")).get(0).get("id"));
        String replay =
                (String) post("/api/v1/dead-letters/" + id + "/replay", null).get("id");
        finished(replay);
        String run =
                (String) post("/api/v1/runs", Map.of("type", "incremental")).get("id");
        finished(run);

        assertThat(items(get("/api/v1/audit?action=DEAD_LETTERS_REPLAYED")))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actor", "admin")
                        .containsEntry("target", "ids=[" + id + "]")
                        .extractingByKey("details")
                        .isEqualTo(Map.of("run", replay)));
        assertThat(items(get("/api/v1/audit?action=RUN_STARTED")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("target", run).containsEntry("actor", "admin"));
        assertThat(number(get("/api/v1/audit?size=2").get("size"))).isEqualTo(2);
        assertThat(get("/api/v1/audit?size=2")).containsKeys("items", "page", "size", "total");
    }

    @Test
    @Order(5)
    void theRoutesShowCamelsStatisticsAndAnAdminSuspendsAndResumesOne() {
        List<Map<String, Object>> routes = list("/api/v1/routes");
        assertThat(routes)
                .extracting(r -> (String) r.get("id"))
                .contains("incremental-schedule", "nightly-schedule", "run-incremental", "run-replay", "run-reconcile");
        Map<String, Object> incremental = route(routes, "run-incremental");
        assertThat(incremental).containsEntry("state", "Started").containsEntry("exchangesInflight", 0);
        assertThat(number(incremental.get("exchangesTotal")))
                .as("the runs so far")
                .isGreaterThanOrEqualTo(2);
        assertThat(number(incremental.get("maxMillis"))).isPositive();
        assertThat(number(incremental.get("meanMillis"))).isPositive();
        assertThat(route(routes, "incremental-schedule"))
                .as("schedules off in the tests")
                .containsEntry("state", "Stopped");

        Map<String, Object> suspended = post("/api/v1/routes/run-reconcile/suspend", null);
        assertThat(suspended).containsEntry("state", "Suspended");
        assertThat(camel.getRouteController().getRouteStatus("run-reconcile")).isEqualTo(ServiceStatus.Suspended);
        assertThat(exchange("admin", HttpMethod.POST, "/api/v1/routes/run-reconcile/suspend", null)
                        .getStatusCode())
                .as("suspended already")
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(post("/api/v1/routes/run-reconcile/resume", null)).containsEntry("state", "Started");
        assertThat(camel.getRouteController().getRouteStatus("run-reconcile")).isEqualTo(ServiceStatus.Started);
        assertThat(exchange("admin", HttpMethod.POST, "/api/v1/routes/nosuch/suspend", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(items(get("/api/v1/audit?target=run-reconcile")))
                .extracting(e -> (String) e.get("action"))
                .containsExactly("ROUTE_RESUMED", "ROUTE_SUSPENDED");
    }

    @Test
    @Order(6)
    void theQuarantineByReasonWithTheBrokenRuleAndTheLastExtraction() {
        long quarantined = store.queryForObject("""
                select count(*) from ledger l where status = 'QUARANTINED' and not exists (select 1 from ledger n
                where n.record_type = l.record_type and n.record_key = l.record_key and n.version > l.version)
                """, Long.class);
        assertThat(quarantined).as("the demo city plants defects").isPositive();
        Map<String, Object> summary = get("/api/v1/quarantine/reasons");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) summary.get("reasons");
        assertThat(reasons.stream().mapToLong(r -> number(r.get("records"))).sum())
                .isEqualTo(quarantined);
        assertThat((String) summary.get("lastExtraction")).isNotBlank();

        Map<String, Object> top = reasons.get(0);
        Map<String, Object> page = get("/api/v1/quarantine?reason=" + top.get("reason") + "&rule=" + top.get("rule")
                + "&type=" + top.get("recordType") + "&size=500");
        assertThat(number(page.get("total"))).isEqualTo(number(top.get("records")));
        assertThat(items(page)).allSatisfy(r -> {
            assertThat(r).containsEntry("reason", top.get("reason")).containsEntry("rule", top.get("rule"));
            assertThat((String) r.get("message")).isNotBlank();
            assertThat(r.get("extractedAt")).isNotNull();
        });
    }

    @Test
    @Order(7)
    void theInstancesWithTheRunEachExecutes() {
        List<Map<String, Object>> instances = list("/api/v1/instances");
        assertThat(instances).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("self", true).containsEntry("alive", true);
            assertThat(i.get("run")).as("no run going").isNull();
        });
        String self = (String) instances.get(0).get("id");
        assertThat(get("/api/v1/runs/" + firstRun.id())).containsEntry("instance", self);
    }

    @Test
    @Order(8)
    void anExportIsAudited() {
        runs.execute(RunType.RECONCILE);
        ResponseEntity<byte[]> csv = http.withBasicAuth("official", "official-test-pw")
                .getForEntity("/api/v1/runs/latest/mismatches.csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(items(get("/api/v1/audit?action=REPORT_EXPORTED")))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actor", "official")
                        .extractingByKey("details")
                        .isEqualTo(Map.of("format", "csv")));
    }

    @Test
    @Order(9)
    void anOfficialGets403OnEveryAdminCallAndNoLogin401() {
        List<String[]> calls = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m :
                mappings.getHandlerMethods().entrySet()) {
            // the admins' API, not their pages (AdminConsoleBrowserTest)
            boolean admin = (m.getValue().getBeanType().getPackageName().equals(AdminApiTest.class.getPackageName())
                            && !AdminPage.class.isAssignableFrom(m.getValue().getBeanType()))
                    || m.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/v1/dead-letters"));
            if (!admin) {
                continue;
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    m.getKey().getMethodsCondition().getMethods();
            for (String pattern : m.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                for (var method : methods.isEmpty()
                        ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    calls.add(new String[] {method.name(), path});
                }
            }
        }
        assertThat(calls.size()).as("the admin calls found").isGreaterThanOrEqualTo(15);
        long audited = number(get("/api/v1/audit").get("total"));
        long open = number(get("/api/v1/dead-letters").get("total"));
        for (String[] call : calls) {
            HttpMethod method = HttpMethod.valueOf(call[0]);
            Object body = method == HttpMethod.POST ? Map.of("reason", "x", "ids", List.of(1)) : null;
            assertThat(exchange("official", method, call[1], body).getStatusCode())
                    .as("%s %s as an official", call[0], call[1])
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(exchange(null, method, call[1], body).getStatusCode())
                    .as("%s %s without a login", call[0], call[1])
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(number(get("/api/v1/audit").get("total"))).as("nothing done").isEqualTo(audited);
        assertThat(number(get("/api/v1/dead-letters").get("total"))).isEqualTo(open);
        assertThat(camel.getRouteController().getRouteStatus("run-incremental")).isEqualTo(ServiceStatus.Started);
    }

    private static Map<String, Object> route(List<Map<String, Object>> routes, String id) {
        return routes.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
    }

    private ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String path, Object body) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user + "-test-pw");
        return client.exchange(path, method, body == null ? null : new HttpEntity<>(body), JSON);
    }

    private Map<String, Object> get(String path) {
        ResponseEntity<Map<String, Object>> response = exchange("admin", HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> list(String path) {
        ResponseEntity<List<Map<String, Object>>> response =
                http.withBasicAuth("admin", "admin-test-pw").exchange(path, HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> post(String path, Object body) {
        ResponseEntity<Map<String, Object>> response = exchange("admin", HttpMethod.POST, path, body);
        assertThat(response.getStatusCode().is2xxSuccessful())
                .as("POST %s: %s %s", path, response.getStatusCode(), response.getBody())
                .isTrue();
        return response.getBody();
    }

    private void finished(String runId) throws InterruptedException {
        for (int i = 0; i < 600 && "RUNNING".equals(get("/api/v1/runs/" + runId).get("status")); i++) {
            Thread.sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
