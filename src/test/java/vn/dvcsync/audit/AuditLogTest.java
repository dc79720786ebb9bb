package vn.dvcsync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.dvcsync.audit.AuditLog.Action;
import vn.dvcsync.audit.AuditLog.Filter;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.testsupport.TestPostgres;

/**
 * The audit log is append-only in the store: the gateway's own role, which migrated the store and owns the table,
 * can add entries and read them, and cannot change or remove one — neither can a superuser; entries are found by
 * who, what, which target and when.
 */
class AuditLogTest {

    private static JdbcTemplate superuser;
    private static JdbcTemplate gateway;
    private static AuditLog audit;

    /** A store migrated by a role of its own, not a superuser, as an installation's gateway role is. */
    @BeforeAll
    static void storeOwnedByTheGatewaysRole() throws SQLException {
        TestPostgres.Database db = TestPostgres.create("audit");
        superuser = db.jdbc();
        superuser.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'gateway_app') then "
                + "create role gateway_app login password 'gw' nosuperuser; end if; end $$");
        superuser.execute("grant create on schema public to gateway_app");
        String url = db.jdbcUrl().replaceAll("\\?.*$", "");
        DriverManagerDataSource asGateway = new DriverManagerDataSource(url, "gateway_app", "gw");
        Flyway.configure()
                .dataSource(asGateway)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        gateway = new JdbcTemplate(asGateway);
        audit = new AuditLog(gateway, new ObjectMapper());
    }

    @Test
    void entriesAreAddedAndFoundByWhoWhatTargetAndTime() {
        OffsetDateTime before = superuser.queryForObject("select now()", OffsetDateTime.class);
        audit.record("lan.admin", "10.0.0.7", Action.ROUTE_SUSPENDED, "push-dossiers", Map.of("state", "Suspended"));
        audit.record(
                "minh.admin",
                "10.0.0.8",
                Action.DEAD_LETTERS_ACKNOWLEDGED,
                "type=STEP error=UNCONFIRMED",
                Map.of("acknowledged", 3, "reason", "found on the portal"));

        Page<AuditLog.Entry> byMinh = audit.list(new Filter("minh.admin", null, null, before, null), 0, 10);
        assertThat(byMinh.total()).isEqualTo(1);
        AuditLog.Entry e = byMinh.items().get(0);
        assertThat(e.action()).isEqualTo("DEAD_LETTERS_ACKNOWLEDGED");
        assertThat(e.address()).isEqualTo("10.0.0.8");
        assertThat(e.target()).isEqualTo("type=STEP error=UNCONFIRMED");
        assertThat(e.details()).containsEntry("acknowledged", 3).containsEntry("reason", "found on the portal");
        assertThat(e.at()).isAfterOrEqualTo(before);

        assertThat(audit.list(new Filter(null, Action.ROUTE_SUSPENDED, "PUSH", before, null), 0, 10)
                        .items())
                .extracting(AuditLog.Entry::actor)
                .containsExactly("lan.admin");
        assertThat(audit.list(new Filter(null, null, null, before, null), 0, 10).items())
                .extracting(AuditLog.Entry::actor)
                .as("newest first")
                .containsExactly("minh.admin", "lan.admin");
        assertThat(audit.list(new Filter(null, null, null, null, before), 0, 10).items())
                .noneMatch(x -> x.at().isAfter(before));
    }

    @Test
    void theGatewaysRoleCannotChangeOrRemoveAnEntry() {
        audit.record("lan.admin", "10.0.0.7", Action.RUN_STARTED, "20261203-010000-abcd", Map.of("type", "nightly"));
        long id = gateway.queryForObject("select max(id) from audit_log", Long.class);

        assertThatThrownBy(() -> gateway.update("update audit_log set actor = 'nobody' where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table audit_log");
        assertThatThrownBy(() -> gateway.update("delete from audit_log where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table audit_log");
        assertThatThrownBy(() -> gateway.execute("truncate audit_log")).isInstanceOf(DataAccessException.class);

        assertThat(gateway.queryForObject("select actor from audit_log where id = ?", String.class, id))
                .isEqualTo("lan.admin");
    }

    @Test
    void neitherCanASuperuser() {
        audit.record("lan.admin", "10.0.0.7", Action.SCHEDULE_PAUSED, "nightly", Map.of());
        long id = superuser.queryForObject("select max(id) from audit_log", Long.class);

        assertThatThrownBy(() -> superuser.update("update audit_log set target = 'incremental' where id = ?", id))
                .rootCause()
                .hasMessageContaining("audit_log is append-only: UPDATE refused");
        assertThatThrownBy(() -> superuser.update("delete from audit_log where id = ?", id))
                .rootCause()
                .hasMessageContaining("audit_log is append-only: DELETE refused");
        assertThatThrownBy(() -> superuser.execute("truncate audit_log"))
                .rootCause()
                .hasMessageContaining("audit_log is append-only: TRUNCATE refused");

        assertThat(superuser.queryForObject("select target from audit_log where id = ?", String.class, id))
                .isEqualTo("nightly");
    }
}
