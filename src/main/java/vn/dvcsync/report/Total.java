package vn.dvcsync.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mismatches of a run summed per unit, per category or per both (the dimension not grouped by is null):
 * rows, of which new and persisting against the previous run, rows of the previous run resolved since,
 * and the summed impact in index points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Total(
        String unitCode,
        String unitName,
        String category,
        long count,
        long newCount,
        long persisting,
        long resolved,
        double impactPoints) {}
