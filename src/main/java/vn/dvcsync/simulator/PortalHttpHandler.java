package vn.dvcsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the portal simulator: {@code POST {base}/auth} and {@code POST {base}/integration},
 * with latency, injected faults, session checks and the per-session rate limit before the services run.
 */
final class PortalHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(PortalHttpHandler.class);
    private static final String JSON = "application/json; charset=utf-8";
    static final String WRONG_CREDENTIALS = "Sai tài khoản hoặc mật khẩu";

    private enum Fault {
        NONE,
        RESET,
        SERVER_ERROR,
        TOO_MANY_REQUESTS,
        CODE_9
    }

    private final String authPath;
    private final String integrationPath;
    private final String agencyCode;
    private final ObjectMapper mapper;
    private final PortalKnobs knobs;
    private final Dice dice;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final PortalSessions sessions;
    private final PortalServices services;
    private final PortalCounters counters;

    PortalHttpHandler(
            String basePath,
            String agencyCode,
            ObjectMapper mapper,
            PortalKnobs knobs,
            Dice dice,
            PortalSessions sessions,
            PortalServices services,
            PortalCounters counters) {
        this.authPath = basePath + "/auth";
        this.integrationPath = basePath + "/integration";
        this.agencyCode = agencyCode;
        this.mapper = mapper;
        this.knobs = knobs;
        this.dice = dice;
        this.sessions = sessions;
        this.services = services;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean auth = authPath.equals(path);
            if (!auth && !integrationPath.equals(path)) {
                SimulatorServer.send(exchange, 404, null, new byte[0], Map.of());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                SimulatorServer.send(exchange, 405, null, new byte[0], Map.of("Allow", "POST"));
                return;
            }
            ObjectNode request = parse(SimulatorServer.readBody(exchange));
            if (auth) {
                counters.authCall();
            } else {
                counters.call(request == null ? "" : request.path("service").asText(""));
            }
            dice.sleep(knobs.latency());
            Fault fault = drawFault();
            switch (fault) {
                case RESET -> {
                    counters.injectedFault();
                    SimulatorServer.drop(exchange);
                }
                case SERVER_ERROR -> {
                    counters.injectedFault();
                    serverError(exchange);
                }
                case TOO_MANY_REQUESTS -> {
                    counters.injectedFault();
                    tooManyRequests(exchange, knobs.retryAfterSeconds());
                }
                default -> {
                    if (auth) {
                        json(exchange, login(request));
                    } else {
                        integrate(exchange, request, fault == Fault.CODE_9);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("portal simulator could not answer a call: {}", e.toString());
        }
    }

    private byte[] login(ObjectNode request) {
        if (request == null) {
            return services.error("1", "malformed JSON");
        }
        return sessions.login(text(request, "username"), text(request, "password"))
                .map(token -> {
                    ObjectNode answer = mapper.createObjectNode()
                            .put("error_code", "0")
                            .put("session", token)
                            .put("expires_in", knobs.sessionTtlSeconds());
                    return answer.toString().getBytes(StandardCharsets.UTF_8);
                })
                .orElseGet(() -> services.error("-1", WRONG_CREDENTIALS));
    }

    private void integrate(HttpExchange exchange, ObjectNode request, boolean code9) throws IOException {
        if (request == null) {
            json(exchange, services.error("1", "malformed JSON"));
            return;
        }
        String token = text(request, "session");
        if (!sessions.use(token)) {
            json(exchange, services.error("-1", "session invalid or expired"));
            return;
        }
        long wait = rateLimiter.acquire(token, knobs.ratePerSecond());
        if (wait > 0) {
            tooManyRequests(exchange, wait);
            return;
        }
        if (code9) {
            counters.injectedFault();
            json(exchange, services.error("9", "portal internal error"));
            return;
        }
        if (!agencyCode.equals(text(request, "madonvi"))) {
            json(exchange, services.error("1", "madonvi: must be " + agencyCode));
            return;
        }
        String service = text(request, "service");
        if (service != null && knobs.lacks(service)) {
            json(exchange, services.error("1", "service: unknown service \"" + service + "\""));
            return;
        }
        byte[] answer;
        try {
            answer = services.call(request);
        } catch (PortalCallError e) {
            answer = services.error(e.code(), e.getMessage());
        }
        json(exchange, answer);
    }

    private Fault drawFault() {
        double draw = dice.draw();
        double bound = knobs.connectionResetShare();
        if (draw < bound) {
            return Fault.RESET;
        }
        bound += knobs.error5xxShare();
        if (draw < bound) {
            return Fault.SERVER_ERROR;
        }
        bound += knobs.http429Share();
        if (draw < bound) {
            return Fault.TOO_MANY_REQUESTS;
        }
        bound += knobs.code9Share();
        return draw < bound ? Fault.CODE_9 : Fault.NONE;
    }

    private void serverError(HttpExchange exchange) throws IOException {
        int status = 502 + dice.pick(3);
        Map<String, String> headers =
                status == 503 ? Map.of("Retry-After", Integer.toString(knobs.retryAfterSeconds())) : Map.of();
        SimulatorServer.send(
                exchange,
                status,
                "text/plain; charset=utf-8",
                ("HTTP " + status).getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private void tooManyRequests(HttpExchange exchange, long retryAfterSeconds) throws IOException {
        counters.http429();
        SimulatorServer.send(
                exchange,
                429,
                "text/plain; charset=utf-8",
                "Too Many Requests".getBytes(StandardCharsets.UTF_8),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    private static void json(HttpExchange exchange, byte[] body) throws IOException {
        SimulatorServer.send(exchange, 200, JSON, body, Map.of());
    }

    private ObjectNode parse(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A string field of the request; absent or null: the empty string. */
    private static String text(ObjectNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
