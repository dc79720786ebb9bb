package vn.dvcsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the population simulator: latency, injected faults and the rate limit, then the
 * header checks, the SOAP request and the lookup.
 */
final class PopulationHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(PopulationHandler.class);
    private static final String XML = "text/xml; charset=utf-8";

    private final String path;
    private final PopulationKnobs knobs;
    private final Dice dice;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final PopulationRequestCheck requestCheck;
    private final PopulationSoap soap = new PopulationSoap();
    private final PopulationCounters counters;
    private final Function<String, Citizen> registry;

    PopulationHandler(
            String path,
            PopulationKnobs knobs,
            Dice dice,
            PopulationRequestCheck requestCheck,
            PopulationCounters counters,
            Function<String, Citizen> registry) {
        this.path = path;
        this.knobs = knobs;
        this.dice = dice;
        this.requestCheck = requestCheck;
        this.counters = counters;
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            if (!path.equals(exchange.getRequestURI().getPath())) {
                SimulatorServer.send(exchange, 404, null, new byte[0], Map.of());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                SimulatorServer.send(exchange, 405, null, new byte[0], Map.of("Allow", "POST"));
                return;
            }
            byte[] body = SimulatorServer.readBody(exchange);
            counters.call();
            dice.sleep(knobs.latency());
            double draw = dice.draw();
            if (draw < knobs.http429Share()) {
                tooManyRequests(exchange, knobs.retryAfterSeconds());
                return;
            }
            if (draw < knobs.http429Share() + knobs.serverFaultShare()) {
                fault(exchange, PopulationFault.server("service temporarily unavailable"));
                return;
            }
            long wait = rateLimiter.acquire("", knobs.ratePerSecond());
            if (wait > 0) {
                tooManyRequests(exchange, wait);
                return;
            }
            try {
                requestCheck.check(exchange.getRequestHeaders());
                String soDinhDanh = soap.soDinhDanh(body);
                counters.lookup(soDinhDanh);
                SimulatorServer.send(exchange, 200, XML, soap.answer(registry.apply(soDinhDanh)), Map.of());
            } catch (PopulationFault e) {
                fault(exchange, e);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("population simulator could not answer a call: {}", e.toString());
        }
    }

    private void fault(HttpExchange exchange, PopulationFault fault) throws IOException {
        SimulatorServer.send(exchange, 500, XML, soap.fault(fault), Map.of());
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
}
