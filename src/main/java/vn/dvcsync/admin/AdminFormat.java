package vn.dvcsync.admin;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the admins' pages write beyond {@code consoleFormat}; templates call it as {@code ${@adminFormat.…}}. */
@Component("adminFormat")
public class AdminFormat {

    /** An audit entry's details in a line: {@code acknowledged: 1 · reason: found on the portal}. */
    public String details(Map<String, Object> details) {
        return details == null
                ? ""
                : details.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(" · "));
    }
}
