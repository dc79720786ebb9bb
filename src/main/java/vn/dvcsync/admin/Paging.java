package vn.dvcsync.admin;

/** The admin lists' paging: pages from 0, at most {@value #MAX_SIZE} items a page. */
final class Paging {

    static final int MAX_SIZE = 500;

    private Paging() {}

    static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
    }
}
