package vn.dvcsync.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvcsync.ledger.DossierHistory;
import vn.dvcsync.ledger.DossierHistory.Attempt;
import vn.dvcsync.ledger.DossierHistory.Version;
import vn.dvcsync.population.IdNumbers;
import vn.dvcsync.report.MismatchRow;

/**
 * Hồ sơ: one dossier found by its {@code MaHoSo}: each version extracted from the city and what became of it
 * (quarantine reasons, attempts, the portal's last error, delivery), its progress steps, and its mismatches in each
 * run. ID numbers are masked but their last four digits wherever they appear.
 */
@Controller
class DossierController {

    /** A 9-digit ID card or 12-digit personal ID number standing alone. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])");

    private final ConsoleReports reports;
    private final DossierHistory history;

    DossierController(ConsoleReports reports, DossierHistory history) {
        this.reports = reports;
        this.history = history;
    }

    @GetMapping("/console/dossiers")
    String dossier(@RequestParam(required = false) String maHoSo, Authentication user, Model model) {
        String key = maHoSo == null ? "" : maHoSo.strip();
        model.addAttribute("maHoSo", key);
        if (!key.isEmpty()) {
            List<Version> versions = history.versions(key).stream()
                    .map(DossierController::masked)
                    .toList();
            List<Version> steps =
                    history.steps(key).stream().map(DossierController::masked).toList();
            List<MismatchRow> mismatches = reports.ofRecord(user, key).stream()
                    .map(DossierController::masked)
                    .toList();
            model.addAttribute("versions", versions);
            model.addAttribute("steps", steps);
            model.addAttribute(
                    "attempts",
                    history.attempts(key).stream()
                            .map(a -> new Attempt(
                                    a.recordType(), a.recordKey(), a.at(), a.outcome(), mask(a.answer()), a.runId()))
                            .toList());
            model.addAttribute("mismatches", mismatches);
            model.addAttribute("found", !versions.isEmpty() || !steps.isEmpty() || !mismatches.isEmpty());
        }
        return "console/dossier";
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ID_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(IdNumbers.mask(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static Version masked(Version v) {
        return new Version(
                v.recordType(),
                v.recordKey(),
                v.cityUpdatedAt(),
                v.status(),
                v.reason(),
                v.rule(),
                mask(v.message()),
                v.attempts(),
                mask(v.lastError()),
                v.runId(),
                v.createdAt(),
                v.updatedAt(),
                v.deliveredAt());
    }

    private static MismatchRow masked(MismatchRow r) {
        return new MismatchRow(
                r.runId(),
                r.category(),
                r.recordType(),
                r.recordKey(),
                r.unitCode(),
                r.unitName(),
                r.field(),
                mask(r.cityValue()),
                mask(r.portalValue()),
                r.impactPoints(),
                r.detectedAt(),
                r.change());
    }
}
