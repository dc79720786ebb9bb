package vn.dvcsync.kernel;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One page of a list, the one shape every list of the API answers with: pages from 0, at most {@value #MAX_SIZE}
 * items a page, {@code total} the number of items matching over all pages.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    /** The number of pages (at least 1, an empty list has one empty page). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Refuses a page below 0 or a size outside 1..{@value #MAX_SIZE}, naming the rule. */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
    }

    /**
     * Page {@code page} of {@code size} rows: {@code countSql} counts every row matching {@code args};
     * {@code selectSql} ends in {@code limit ? offset ?}, which this fills after {@code args}.
     */
    public static <T> Page<T> query(
            JdbcTemplate jdbc,
            String countSql,
            String selectSql,
            RowMapper<T> rows,
            List<Object> args,
            int page,
            int size) {
        long total = jdbc.queryForObject(countSql, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        return new Page<>(jdbc.query(selectSql, rows, pageArgs.toArray()), page, size, total);
    }
}
