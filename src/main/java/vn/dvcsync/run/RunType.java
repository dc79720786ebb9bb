package vn.dvcsync.run;

import java.util.Arrays;
import java.util.Locale;

/** The run types of gateway.md; each has a route {@code direct:run-<name>}. */
public enum RunType {
    INCREMENTAL, NIGHTLY, RECONCILE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunType parse(String s) {
        return Arrays.stream(values()).filter(t -> t.id().equalsIgnoreCase(s == null ? "" : s.trim()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "Unknown run type '" + s + "': expected incremental, nightly or reconcile"));
    }
}
