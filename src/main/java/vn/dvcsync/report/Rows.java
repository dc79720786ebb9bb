package vn.dvcsync.report;

import java.util.function.Consumer;

/** A stream of report rows, read once per call (from the store, or made up by a benchmark). */
@FunctionalInterface
interface Rows {
    void forEach(Consumer<MismatchRow> each);
}
