package vn.dvcsync.report;

import java.util.List;

/** One page of a run's mismatches, largest impact first ({@code page} counts from 0). */
public record MismatchPage(List<MismatchRow> content, int page, int size, long totalElements, int totalPages) {}
