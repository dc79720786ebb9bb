package vn.dvcsync.portal;

/**
 * Base URL of the national portal adapter, e.g. {@code http://127.0.0.1:8089/dvcqg}.
 * Comes from {@code dvcsync.portal.url} when set; otherwise the built-in simulator supplies it.
 */
@FunctionalInterface
public interface PortalUrl {
    String get();
}
