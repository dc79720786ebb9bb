package vn.dvcsync.run;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * What a failed run's {@code error} says, for everyone who reads the run (officials too): one line naming what
 * failed and why. A database error is named with its SQLState — its message carries the statement, which goes to
 * the log with the stack trace — except a connection or login failure (SQLState classes 08 and 28), whose message
 * names the database's host and the cause and holds no statement. Anything else is named by the first cause that
 * is not one of Camel's wrappers (whose messages quote the route's expressions), with its own cause's message when
 * it has one: {@code PortalUnavailableException: ... (ConnectException: Connection refused)}.
 */
final class FailureText {

    static final int MAX_LENGTH = 1000;

    private FailureText() {}

    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof SQLException) {
                SQLException sql = sqlException(t);
                String state = sql == null ? null : sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("28"))) {
                    return oneLine("database unreachable (SQLState " + state + "): " + sql.getMessage());
                }
                return "database error" + (state != null ? " (SQLState " + state + ")" : "")
                        + "; the statement and the database's message are in the gateway's log";
            }
        }
        Throwable cause = failure;
        while (cause.getCause() != null && isCamelWrapper(cause)) {
            cause = cause.getCause();
        }
        String text = name(cause);
        Throwable inner = cause.getCause();
        if (inner != null
                && inner != cause
                && (cause.getMessage() == null || !cause.getMessage().contains(String.valueOf(inner.getMessage())))) {
            text += " (" + name(inner) + ")";
        }
        return oneLine(text);
    }

    private static boolean isCamelWrapper(Throwable t) {
        return t.getClass().getName().startsWith("org.apache.camel.");
    }

    private static String name(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static SQLException sqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().strip();
    }
}
