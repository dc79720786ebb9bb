package vn.dvcsync.api;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The error answers every API call shares: the store failing or not answering is 503 with one line saying so (the
 * statement and the driver's message go to the log only, never to the caller), a body too large is 413.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, String>> store(DataAccessException e) {
        boolean unavailable = e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException
                || e instanceof NonTransientDataAccessResourceException;
        log.error("API call failed on the gateway's store: {}", e.getMessage());
        log.debug("Store failure", e);
        return unavailable
                ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "30")
                        .body(Map.of("error", "The gateway's store is not answering; try again later"))
                : ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .body(Map.of("error", "The gateway's store failed; the gateway's log has the details"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", tooLarge.getMessage()));
            }
        }
        return ResponseEntity.badRequest().body(Map.of("error", "The request body is not readable JSON"));
    }
}
