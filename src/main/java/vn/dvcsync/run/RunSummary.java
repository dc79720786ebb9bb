package vn.dvcsync.run;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import vn.dvcsync.kernel.Category;

/** The plain-text summary printed at the end of each run. */
final class RunSummary {

    private RunSummary() {}

    static String format(String id, RunType type, String status, Duration took, Map<String, Object> c, String error) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format("%n=== Run %s (%s) %s in %.1f s ===%n", id, type.id(), status, took.toMillis() / 1000.0));
        out.append(String.format(
                "  extracted    %d dossiers (%d new versions), %d progress steps%n",
                n(c, "extracted.dossiers"), n(c, "extracted.new_versions"), n(c, "extracted.steps")));
        if (n(c, "normalised.dossiers") > 0) {
            out.append(String.format(
                    "  normalised   %d dossiers whose text was sent in Unicode NFC (the city wrote it decomposed)%n",
                    n(c, "normalised.dossiers")));
        }
        out.append(String.format(
                "  delivered    %d dossiers, %d progress steps%n",
                n(c, "run.dossier.delivered"), n(c, "run.step.delivered")));
        out.append(String.format(
                "  dossiers     %d adopted (the portal held them as the city does: not sent), %d updated, %d created%s%n",
                n(c, "run.dossier.delivered.ADOPTED"),
                n(c, "pushed.dossiers_updated"),
                n(c, "pushed.dossiers_created"),
                n(c, "run.step.delivered.ADOPTED") == 0
                        ? ""
                        : String.format(
                                "; %d progress steps taken as on the portal (not after its copy's NgayCapNhat)",
                                n(c, "run.step.delivered.ADOPTED"))));
        out.append(String.format(
                "  quarantined  %d dossiers%s%n",
                sum(c, "run.dossier.quarantined."), byReason(c, "run.dossier.quarantined.")));
        if (n(c, "push.rejected_by_portal") > 0) {
            out.append(String.format(
                    "  rejected     %d records refused by the portal (item code 2), quarantined with its message%n",
                    n(c, "push.rejected_by_portal")));
        }
        out.append(String.format(
                "  pending      %d dossiers, %d progress steps (whole ledger)%n",
                n(c, "ledger.dossier.pending"), n(c, "ledger.step.pending")));
        out.append(String.format(
                "  failed       %d dossiers, %d progress steps (dead letters, whole ledger)%n",
                n(c, "ledger.dossier.failed"), n(c, "ledger.step.failed")));
        if (n(c, "push.steps_unconfirmed") > 0) {
            out.append(String.format(
                    "  unconfirmed  %d progress steps sent whose answer was lost, not sent again: dead "
                            + "letters (UNCONFIRMED) to check on the portal and replay if missing%n",
                    n(c, "push.steps_unconfirmed")));
        }
        if (n(c, "push.steps_resent_unconfirmed") > 0) {
            out.append(String.format(
                    "  resent       %d progress steps after a sending whose answer was lost "
                            + "(the portal may hold them twice)%n",
                    n(c, "push.steps_resent_unconfirmed")));
        }
        out.append(String.format(
                "  applicants   %d checked (%d looked up, %d from cache): %d not found, %d data mismatches%n",
                n(c, "applicants.checked"),
                n(c, "applicants.lookups"),
                n(c, "applicants.cache_hits"),
                n(c, "applicants." + Category.APPLICANT_NOT_FOUND),
                n(c, "applicants." + Category.APPLICANT_DATA_MISMATCH)));
        if (n(c, "applicants.unchecked") > 0) {
            out.append(String.format(
                    "  unchecked    %d dossiers of the period whose applicant the population service did not answer "
                            + "for (queued for the next run)%n",
                    n(c, "applicants.unchecked")));
        }
        if (c.keySet().stream().anyMatch(k -> k.startsWith("mismatches."))) {
            out.append(String.format("  mismatches   %d%s%n", sum(c, "mismatches."), byReason(c, "mismatches.")));
        }
        if (c.containsKey("nightly.reopened")) {
            out.append(String.format(
                    "  reopened     %d dossiers the portal lacked or held stale%n", n(c, "nightly.reopened")));
        }
        if (c.containsKey("compared_per_second")) {
            out.append(String.format(
                    "  throughput   %s dossiers compared/s (%d compared), %s dossiers delivered/s%n",
                    c.get("compared_per_second"),
                    n(c, "reconciled.dossiers"),
                    c.getOrDefault("dossiers_per_second", 0)));
        } else {
            out.append(String.format("  throughput   %s dossiers/s%n", c.getOrDefault("dossiers_per_second", 0)));
        }
        if (error != null) {
            out.append("  error        ").append(error).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static long n(Map<String, Object> c, String key) {
        Object v = c.get(key);
        return v instanceof Number num ? num.longValue() : 0L;
    }

    private static long sum(Map<String, Object> c, String prefix) {
        return c.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> ((Number) e.getValue()).longValue())
                .sum();
    }

    private static String byReason(Map<String, Object> c, String prefix) {
        String reasons = c.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return reasons.isEmpty() ? "" : ": " + reasons;
    }
}
