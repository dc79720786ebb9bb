package vn.dvcsync.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.dvcsync.run.RunService;

/** The error answers of the endpoints that start runs: a bad request is 400, a run already going is 409. */
@RestControllerAdvice(assignableTypes = {RunController.class, DeadLetterController.class})
class RunErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(RunService.RunInProgressException.class)
    ResponseEntity<Map<String, String>> conflict(RunService.RunInProgressException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
