package vn.dvcsync.console;

import org.springframework.web.util.UriComponentsBuilder;
import vn.dvcsync.report.MismatchFilter;

/** The links of the mismatch page that keep its run and filters: to another page, to the exports. */
public record MismatchLinks(String runId, MismatchFilter filter) {

    public String page(int page) {
        return builder("/console/mismatches")
                .queryParam("page", page)
                .build()
                .encode()
                .toUriString();
    }

    public String csv() {
        return builder("/console/mismatches.csv").build().encode().toUriString();
    }

    public String xlsx() {
        return builder("/console/mismatches.xlsx").build().encode().toUriString();
    }

    private UriComponentsBuilder builder(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path).queryParam("run", runId);
        add(b, "unit", filter.unit());
        add(b, "category", filter.category());
        add(b, "field", filter.field());
        add(b, "change", filter.change());
        return b;
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }
}
