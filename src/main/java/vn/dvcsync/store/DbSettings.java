package vn.dvcsync.store;

/** JDBC settings of one database; a blank {@code url} means "use the embedded PostgreSQL". */
public record DbSettings(String url, String username, String password) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
