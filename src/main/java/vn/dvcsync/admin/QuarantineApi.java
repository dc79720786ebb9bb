package vn.dvcsync.admin;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.ledger.Quarantine;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * The records quarantined now (ADMIN): by reason and rule, and page by page. A record the city fixed is picked up by
 * the next extraction (incremental or nightly); {@code lastExtraction} says when the last one that succeeded began.
 */
@RestController
@RequestMapping("/api/v1/quarantine")
class QuarantineApi {

    /** The reasons with their counts, and when the last extraction began (null before any). */
    record Summary(List<Quarantine.Reason> reasons, OffsetDateTime lastExtraction) {}

    private final Quarantine quarantine;
    private final RunService runs;

    QuarantineApi(Quarantine quarantine, RunService runs) {
        this.quarantine = quarantine;
        this.runs = runs;
    }

    @GetMapping("/reasons")
    Summary reasons() {
        return new Summary(quarantine.reasons(), lastExtraction());
    }

    /** {@code ?type=DOSSIER|STEP&reason=&rule=&unit=&page=0&size=50}, the most recently quarantined first. */
    @GetMapping
    Page<Quarantine.Record> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        return quarantine.list(new Quarantine.Filter(type, reason, rule, unit), page, size);
    }

    OffsetDateTime lastExtraction() {
        return runs.latestSucceeded(RunType.INCREMENTAL, RunType.NIGHTLY)
                .map(Run::startedAt)
                .orElse(null);
    }
}
