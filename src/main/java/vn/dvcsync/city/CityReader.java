package vn.dvcsync.city;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.kernel.MappingsProperties;

/**
 * Every read of the city's system, with the SQL under {@code mappings/sql/} (a city adapts it to its schema):
 * <ul>
 * <li>the extraction: dossiers one keyset page at a time in ({@code cap_nhat_luc}, {@code id}) order
 *     ({@link #read}), and their progress steps ({@link #readSteps}, {@code extract-steps.sql});</li>
 * <li>the reconciliation: the dossiers received in a period, streamed in {@code MaHoSo} byte order
 *     ({@link #streamReceived}); which of some dossier codes were received in a period ({@link #receivedAmong},
 *     {@code reconcile-in-period.sql}); the procedures in force ({@link #proceduresInForce},
 *     {@code reconcile-procedures.sql}) and those the period's dossiers cite ({@link #citedProcedures},
 *     {@code reconcile-cited-procedures.sql}).</li>
 * </ul>
 * Both dossier reads wrap one select list, {@code dossiers.sql}, so a city adapts it once.
 *
 * <p>A text column where the canonical record needs a number, a flag, a date or a time (a city schema that
 * keeps them as text) is read from its text ({@link CityValues}). A row with a value that cannot be read so
 * (a date that is no date, a number that is no number) does not stop the page: it comes back as
 * {@link Unreadable}, naming the column, for the extraction to quarantine. The keyset columns
 * ({@code id}, {@code updated_at}) must always be readable: they are the page's order.
 */
@Component
public class CityReader {

    /**
     * A city row that could not be read.
     *
     * @param id        the row's id (a dossier's, or a step's)
     * @param dossierId a step's dossier id; for a dossier its own id
     * @param code      the dossier's code (MaHoSo) as far as it could be read, or null
     * @param updatedAt a dossier's {@code cap_nhat_luc}; null for a step
     * @param unitCode  the processing unit's code as far as it could be read, or null
     * @param column    the first column that could not be read
     * @param problem   why (the driver's message)
     */
    public record Unreadable(
            long id,
            long dossierId,
            String code,
            OffsetDateTime updatedAt,
            String unitCode,
            String column,
            String problem) {

        /** A dossier's version, as {@link Dossier#version()}. */
        public long version() {
            return Dossier.version(updatedAt);
        }
    }

    /**
     * One page of the extraction.
     *
     * @param dossiers   the rows read, in order
     * @param unreadable the rows that could not be read
     * @param last       the keyset position of the page's last row (null for an empty page)
     * @param rows       how many rows the page had, read or not
     */
    public record Page(List<Dossier> dossiers, List<Unreadable> unreadable, Watermark last, int rows) {}

    /** The steps of a set of dossiers: readable ones grouped by dossier id, in processing order, and the others. */
    public record Steps(Map<Long, List<Step>> byDossier, List<Unreadable> unreadable) {}

    /** A procedure in force in the city; {@code publicDeadline} null when it has none. */
    public record Procedure(String code, LocalDate publicDeadline) {}

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate city;
    private final TransactionTemplate readOnly;
    private final String pageSql;
    private final String receivedSql;
    private final String stepSql;
    private final String inPeriodSql;
    private final String inForceSql;
    private final String citedSql;

    public CityReader(@Qualifier("cityDataSource") DataSource dataSource, MappingsProperties mappings) {
        this.dataSource = dataSource;
        this.city = new NamedParameterJdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        String dossiers = dossierQuery(read(mappings, "dossiers.sql"));
        this.pageSql = "select * from (" + dossiers + ") d where (d.updated_at, d.id) > (:after_ts, :after_id)"
                + " order by d.updated_at, d.id limit :limit";
        this.receivedSql = "select * from (" + dossiers + ") d where d.received_at >= :from and d.received_at < :to"
                + " order by d.code collate \"C\"";
        this.stepSql = read(mappings, "extract-steps.sql");
        this.inPeriodSql = read(mappings, "reconcile-in-period.sql");
        this.inForceSql = read(mappings, "reconcile-procedures.sql");
        this.citedSql = read(mappings, "reconcile-cited-procedures.sql");
    }

    /** {@code dossiers.sql} ready to be wrapped: no final semicolon, and a line end after a last line comment. */
    static String dossierQuery(String sql) {
        String query = sql.strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        return "\n" + query + "\n";
    }

    /** The dossiers whose (cap_nhat_luc, id) comes strictly after {@code after}, at most {@code limit}; unreadable rows left out. */
    public List<Dossier> page(Watermark after, int limit) {
        return read(after, limit).dossiers();
    }

    /** The rows whose (cap_nhat_luc, id) comes strictly after {@code after}, at most {@code limit}, read or not. */
    public Page read(Watermark after, int limit) {
        var params = new MapSqlParameterSource()
                .addValue("after_ts", after.ts())
                .addValue("after_id", after.id())
                .addValue("limit", limit);
        List<Dossier> dossiers = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        Watermark[] last = {null};
        int[] rows = {0};
        Columns columns = new Columns();
        city.query(pageSql, params, rs -> {
            Row row = new Row(rs, columns);
            Dossier d = dossier(row);
            if (row.problem == null) {
                dossiers.add(d);
            } else {
                unreadable.add(
                        new Unreadable(d.id(), d.id(), d.code(), d.updatedAt(), d.unitCode(), row.column, row.problem));
            }
            last[0] = new Watermark(d.updatedAt(), d.id());
            rows[0]++;
        });
        return new Page(dossiers, unreadable, last[0], rows[0]);
    }

    /** The steps of these dossiers, grouped by dossier id, in processing order; unreadable steps left out. */
    public Map<Long, List<Step>> steps(Collection<Long> dossierIds) {
        return readSteps(dossierIds).byDossier();
    }

    /** The steps of these dossiers, read or not. */
    public Steps readSteps(Collection<Long> dossierIds) {
        Map<Long, List<Step>> byDossier = new LinkedHashMap<>();
        List<Unreadable> unreadable = new ArrayList<>();
        if (dossierIds.isEmpty()) {
            return new Steps(byDossier, unreadable);
        }
        Columns columns = new Columns();
        city.query(stepSql, Map.of("ids", dossierIds), rs -> {
            Row row = new Row(rs, columns);
            Step s = step(row);
            if (row.problem == null) {
                byDossier.computeIfAbsent(s.dossierId(), k -> new ArrayList<>()).add(s);
            } else {
                unreadable.add(
                        new Unreadable(s.id(), s.dossierId(), s.dossierCode(), null, null, row.column, row.problem));
            }
        });
        return new Steps(byDossier, unreadable);
    }

    /**
     * Streams the dossiers received in {@code [from, to)} to {@code each}, in {@code MaHoSo} byte order, {@code fetchSize}
     * rows a round trip (in a read-only transaction: PostgreSQL streams only without auto-commit). A value that cannot
     * be read is left absent, so the portal's rules name it.
     */
    public void streamReceived(OffsetDateTime from, OffsetDateTime to, int fetchSize, Consumer<Dossier> each) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(fetchSize);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(streaming);
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("from", from).addValue("to", to);
        Columns columns = new Columns();
        readOnly.executeWithoutResult(tx -> named.query(
                receivedSql, params, (RowCallbackHandler) rs -> each.accept(dossier(new Row(rs, columns)))));
    }

    /** Those of these dossier codes (at most a thousand or so) received in {@code [from, to)}. */
    public List<String> receivedAmong(List<String> codes, OffsetDateTime from, OffsetDateTime to) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return city.queryForList(
                inPeriodSql,
                new MapSqlParameterSource()
                        .addValue("codes", codes)
                        .addValue("from", from)
                        .addValue("to", to),
                String.class);
    }

    /** The procedures in force in the city. */
    public List<Procedure> proceduresInForce() {
        return city.query(
                inForceSql,
                new MapSqlParameterSource(),
                (rs, n) -> new Procedure(rs.getString("code"), rs.getObject("public_deadline", LocalDate.class)));
    }

    /** The procedure codes cited by the dossiers received in {@code [from, to)}. */
    public List<String> citedProcedures(OffsetDateTime from, OffsetDateTime to) {
        return city.queryForList(
                citedSql, new MapSqlParameterSource().addValue("from", from).addValue("to", to), String.class);
    }

    private static Dossier dossier(Row row) throws SQLException {
        Long applicantId = row.get("applicant_id", Long.class);
        Applicant applicant = applicantId == null
                ? null
                : new Applicant(
                        applicantId,
                        row.get("applicant_kind", Integer.class),
                        row.text("applicant_id_number"),
                        row.text("applicant_name"),
                        row.get("applicant_birth_date", LocalDate.class),
                        row.get("applicant_sex", Integer.class),
                        row.text("applicant_phone"),
                        row.text("applicant_email"),
                        row.text("applicant_address"));
        return new Dossier(
                row.key("id"),
                row.text("code"),
                row.text("procedure_code"),
                row.text("procedure_name"),
                row.text("field_code"),
                row.text("field_name"),
                row.text("unit_code"),
                row.text("unit_name"),
                applicant,
                row.text("summary"),
                row.get("channel", Integer.class),
                row.text("status"),
                row.time("submitted_at"),
                row.time("received_at"),
                row.time("due_at"),
                row.time("finished_at"),
                row.time("returned_at"),
                row.flag("paid_online"),
                row.flag("digitised"),
                row.flag("vneid_verified"),
                row.key("updated_at", OffsetDateTime.class));
    }

    private static Step step(Row row) throws SQLException {
        return new Step(
                row.key("id"),
                row.key("dossier_id"),
                row.text("dossier_code"),
                row.time("at"),
                row.text("handler"),
                row.text("title"),
                row.text("department"),
                row.text("content"),
                row.text("status"),
                row.time("deadline"));
    }

    /** The columns of one query's rows, by name: position and whether the column is text. Learnt on the first row. */
    private static final class Columns {

        private Map<String, Integer> positions;
        private boolean[] text;

        int position(ResultSet rs, String name) throws SQLException {
            if (positions == null) {
                learn(rs.getMetaData());
            }
            Integer position = positions.get(name);
            if (position == null) {
                throw new SQLException("The query has no column '" + name + "'");
            }
            return position;
        }

        boolean isText(int position) {
            return text[position];
        }

        private void learn(ResultSetMetaData meta) throws SQLException {
            int n = meta.getColumnCount();
            positions = new HashMap<>();
            text = new boolean[n + 1];
            for (int i = 1; i <= n; i++) {
                positions.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
                int sqlType = meta.getColumnType(i);
                text[i] = sqlType == Types.VARCHAR
                        || sqlType == Types.CHAR
                        || sqlType == Types.LONGVARCHAR
                        || sqlType == Types.NVARCHAR
                        || sqlType == Types.NCHAR
                        || sqlType == Types.LONGNVARCHAR;
            }
        }
    }

    /** Reads the columns of one row, keeping the first column that could not be read instead of failing. */
    private static final class Row {

        private final ResultSet rs;
        private final Columns columns;
        private String column;
        private String problem;

        Row(ResultSet rs, Columns columns) {
            this.rs = rs;
            this.columns = columns;
        }

        /** A keyset column: must be readable. */
        long key(String name) throws SQLException {
            return rs.getLong(columns.position(rs, name));
        }

        /** A keyset column: must be readable. */
        <T> T key(String name, Class<T> type) throws SQLException {
            return rs.getObject(columns.position(rs, name), type);
        }

        String text(String name) {
            return get(name, String.class);
        }

        OffsetDateTime time(String name) {
            return get(name, OffsetDateTime.class);
        }

        boolean flag(String name) {
            return Boolean.TRUE.equals(get(name, Boolean.class));
        }

        /**
         * The column as {@code type}. A text column is read from its text, strictly (the driver would turn
         * 30 February into 1 March).
         */
        <T> T get(String name, Class<T> type) {
            try {
                int position = columns.position(rs, name);
                if (type == String.class) {
                    return type.cast(rs.getString(position));
                }
                if (columns.isText(position)) {
                    return CityValues.parse(rs.getString(position), type);
                }
                return rs.getObject(position, type);
            } catch (SQLException | RuntimeException e) {
                if (problem == null) {
                    column = name;
                    String message = String.valueOf(e.getMessage());
                    problem = message.length() > 300 ? message.substring(0, 300) : message;
                }
                return null;
            }
        }
    }

    private static String read(MappingsProperties mappings, String name) {
        Path file = mappings.dir().resolve("sql").resolve(name);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the city SQL " + file.toAbsolutePath(), e);
        }
    }
}
