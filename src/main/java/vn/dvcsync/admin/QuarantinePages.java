package vn.dvcsync.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.ledger.Quarantine;

/**
 * Cách ly: the records quarantined now by reason and broken rule, then those of one reason or rule; when the last
 * extraction began (a record the city fixed is picked up by the next one). Reads {@link QuarantineApi}.
 */
@Controller
@RequestMapping("/admin/quarantine")
class QuarantinePages implements AdminPage {

    static final int SIZE = 50;

    private final QuarantineApi api;

    QuarantinePages(QuarantineApi api) {
        this.api = api;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Quarantine.Filter filter = new Quarantine.Filter(type, reason, rule, unit);
        Page<Quarantine.Record> records = api.list(type, reason, rule, unit, page, SIZE);
        model.addAttribute("summary", api.reasons());
        model.addAttribute("records", records);
        model.addAttribute("filter", filter);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/admin/quarantine");
        if (filter.type() != null) {
            base.queryParam("type", filter.type());
        }
        if (filter.reason() != null) {
            base.queryParam("reason", filter.reason());
        }
        if (filter.rule() != null) {
            base.queryParam("rule", filter.rule());
        }
        if (filter.unit() != null) {
            base.queryParam("unit", filter.unit());
        }
        String uri = base.encode().build().toUriString();
        model.addAttribute("base", uri + (uri.contains("?") ? "&" : "?"));
        return "admin/quarantine";
    }
}
