package vn.dvcsync.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.run.Run;

/**
 * How far a run is, for the runs page, from its counts so far: EXTRACT until its extraction has staged what it read,
 * then PUSH with the share of the ledger rows it took that are no longer PENDING ({@code run.<type>.<status>}), or
 * RECONCILE (a reconcile run, or a nightly one that pushed all it read; no share: the portal's size is not known in
 * advance); DONE once it finished (the bar full).
 *
 * @param percent 0 to 100, or -1 when the share is not known (an indeterminate bar)
 */
public record RunProgress(Run run, String phase, int percent, long handled, long total, Duration duration) {

    static RunProgress of(Run run) {
        OffsetDateTime end = run.finishedAt() == null ? OffsetDateTime.now(Vietnam.ZONE) : run.finishedAt();
        Duration took = Duration.between(run.startedAt(), end);
        long total = 0;
        long pending = 0;
        for (Map.Entry<String, Object> c : run.counts().entrySet()) {
            String[] key = c.getKey().split("\\.");
            if (key.length >= 3 && key[0].equals("run") && c.getValue() instanceof Number n) {
                total += n.longValue();
                if (key[2].equals("pending")) {
                    pending += n.longValue();
                }
            }
        }
        long handled = total - pending;
        if (!"RUNNING".equals(run.status())) {
            return new RunProgress(run, "DONE", 100, handled, total, took);
        }
        if ("reconcile".equals(run.type())) {
            return new RunProgress(run, "RECONCILE", -1, handled, total, took);
        }
        if (total == 0 && !run.counts().containsKey("extracted.dossiers") && !"replay".equals(run.type())) {
            return new RunProgress(run, "EXTRACT", 0, 0, 0, took);
        }
        if ("nightly".equals(run.type()) && total > 0 && pending == 0) {
            // pushed what it read; a nightly run then compares with the portal
            return new RunProgress(run, "RECONCILE", -1, handled, total, took);
        }
        int percent = total == 0 ? 0 : (int) Math.min(99, handled * 100 / total);
        return new RunProgress(run, "PUSH", percent, handled, total, took);
    }

    public boolean running() {
        return "RUNNING".equals(run.status());
    }

    /** {@code 1:05:09}, {@code 4:02}, {@code 0:07}. */
    public String took() {
        long s = duration.toSeconds();
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** A count of the run, 0 when it has none: {@code run.dossier.delivered}, {@code extracted.dossiers}. */
    public long count(String prefix) {
        long n = 0;
        for (Map.Entry<String, Object> c : run.counts().entrySet()) {
            if ((c.getKey().equals(prefix) || c.getKey().startsWith(prefix + "."))
                    && c.getValue() instanceof Number v) {
                n += v.longValue();
            }
        }
        return n;
    }
}
