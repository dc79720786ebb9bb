package vn.dvcsync.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * What the last failures were, for the routes page: Camel's statistics name the exchange a route last failed on, this
 * keeps the one-line reason of the latest failed exchanges (the exception's type and message, its first line, at most
 * {@value #MAX_TEXT} characters) by exchange id. In memory: a restarted instance knows the failures since it started.
 */
@Component
class RouteFailures extends EventNotifierSupport {

    private static final int KEPT = 200;
    private static final int MAX_TEXT = 300;

    private final Map<String, String> byExchange = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    });

    RouteFailures() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeFailedEvent failed) {
            Exchange exchange = failed.getExchange();
            byExchange.put(exchange.getExchangeId(), oneLine(exchange.getException()));
        }
    }

    /** Why this exchange failed, or null when it is not one of the latest failures. */
    String reason(String exchangeId) {
        return exchangeId == null ? null : byExchange.get(exchangeId);
    }

    static String oneLine(Throwable e) {
        if (e == null) {
            return "failed";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        int eol = text.indexOf('\n');
        text = eol < 0 ? text : text.substring(0, eol);
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
