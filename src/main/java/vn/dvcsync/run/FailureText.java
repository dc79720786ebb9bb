package vn.dvcsync.run;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * What a failed run's {@code error} says, for everyone who reads the run (officials too): one line. A database error
 * is named with its SQLState only — its message carries the statement, which goes to the log with the stack trace —
 * anything else with its type and message.
 */
final class FailureText {

    static final int MAX_LENGTH = 1000;

    private FailureText() {}

    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof SQLException) {
                String state = sqlState(t);
                return "database error" + (state != null ? " (SQLState " + state + ")" : "")
                        + "; the statement and the database's message are in the gateway's log";
            }
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return oneLine(cause.toString());
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
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
