package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import vn.dvcsync.portal.PortalUnavailableException;

/** Issue #11 item 8: a failed run's error names what failed and why, in one line an operator can act on. */
class FailureTextTest {

    @Test
    void aPortalThatRefusesConnectionsIsNamedWithoutCamelsExpressionText() {
        Exception camel = new CamelExecutionException(
                "Exception occurred during execution on the exchange: Exchange[ABC] with a long expression "
                        + "${header.runId} bean:pusher?method=pushBatch(${header.recordType}, ${header.runId}, ...)",
                null,
                new IllegalStateException(
                        "push of dossiers stopped",
                        new PortalUnavailableException("portal unavailable: DongBoHoSoMC")));

        String text = FailureText.of(camel);

        assertThat(text)
                .isEqualTo("IllegalStateException: push of dossiers stopped (PortalUnavailableException: portal "
                        + "unavailable: DongBoHoSoMC)")
                .doesNotContain("Exchange[")
                .doesNotContain("${header");
    }

    @Test
    void aWrongDatabaseUrlNamesTheHostAndTheCause() {
        Exception e = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLException(
                        "Connection to city-db.example:5432 refused. Check that the hostname and port are correct",
                        "08001"));

        assertThat(FailureText.of(e))
                .isEqualTo("database unreachable (SQLState 08001): Connection to city-db.example:5432 refused. "
                        + "Check that the hostname and port are correct");
    }

    @Test
    void anyOtherDatabaseErrorKeepsItsStatementOutOfTheRun() {
        Exception e = new UncategorizedSQLException(
                "select", "select * from secret_table", new SQLException("relation \"x\" does not exist", "42P01"));

        assertThat(FailureText.of(e))
                .isEqualTo("database error (SQLState 42P01); the statement and the database's message are in the"
                        + " gateway's log")
                .doesNotContain("secret_table");
    }
}
