package vn.dvcsync.run;

import java.util.Arrays;
import java.util.Locale;

/**
 * The run types of gateway.md, each with a route {@code direct:run-<name>}; {@link #parse} knows only
 * those. {@link #REPLAY} is the gateway's own: the run a dead-letter replay starts, so that replays show in
 * the run history; it is not a type of {@code POST /api/v1/runs}.
 */
public enum RunType {
    INCREMENTAL,
    NIGHTLY,
    RECONCILE,
    REPLAY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One of the public run types (incremental, nightly, reconcile). */
    public static RunType parse(String s) {
        return Arrays.stream(values())
                .filter(t -> t != REPLAY && t.id().equalsIgnoreCase(s == null ? "" : s.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown run type '" + s + "': expected incremental, nightly or reconcile"));
    }
}
