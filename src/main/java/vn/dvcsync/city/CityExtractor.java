package vn.dvcsync.city;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.mapping.MappingsProperties;

/**
 * Reads the city's dossiers and their progress steps with the SQL under {@code mappings/sql/},
 * one keyset page at a time in ({@code cap_nhat_luc}, {@code id}) order.
 */
@Component
public class CityExtractor {

    private final NamedParameterJdbcTemplate city;
    private final String dossierSql;
    private final String stepSql;

    CityExtractor(@Qualifier("cityJdbc") NamedParameterJdbcTemplate city, MappingsProperties mappings) {
        this.city = city;
        this.dossierSql = read(mappings.dir().resolve("sql/extract-dossiers.sql"));
        this.stepSql = read(mappings.dir().resolve("sql/extract-steps.sql"));
    }

    /** The dossiers whose (cap_nhat_luc, id) comes strictly after {@code after}, at most {@code limit}. */
    public List<Dossier> page(Watermark after, int limit) {
        var params = new MapSqlParameterSource()
                .addValue("after_ts", after.ts())
                .addValue("after_id", after.id())
                .addValue("limit", limit);
        return city.query(dossierSql, params, (rs, n) -> dossier(rs));
    }

    /** The steps of these dossiers, grouped by dossier id, in processing order. */
    public Map<Long, List<Step>> steps(Collection<Long> dossierIds) {
        Map<Long, List<Step>> byDossier = new LinkedHashMap<>();
        if (dossierIds.isEmpty()) {
            return byDossier;
        }
        city.query(stepSql, Map.of("ids", dossierIds), rs -> {
            Step s = step(rs);
            byDossier.computeIfAbsent(s.dossierId(), k -> new ArrayList<>()).add(s);
        });
        return byDossier;
    }

    /**
     * The canonical dossier of the current row of a query with the columns of {@code extract-dossiers.sql}
     * (the one row mapping of every dossier query: extraction and reconciliation).
     */
    public static Dossier dossier(ResultSet rs) throws SQLException {
        Long applicantId = rs.getObject("applicant_id", Long.class);
        Applicant applicant = applicantId == null ? null : new Applicant(
                applicantId,
                rs.getObject("applicant_kind", Integer.class),
                rs.getString("applicant_id_number"),
                rs.getString("applicant_name"),
                rs.getObject("applicant_birth_date", LocalDate.class),
                rs.getObject("applicant_sex", Integer.class),
                rs.getString("applicant_phone"),
                rs.getString("applicant_email"),
                rs.getString("applicant_address"));
        return new Dossier(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("procedure_code"),
                rs.getString("procedure_name"),
                rs.getString("field_code"),
                rs.getString("field_name"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                applicant,
                rs.getString("summary"),
                rs.getObject("channel", Integer.class),
                rs.getString("status"),
                time(rs, "submitted_at"),
                time(rs, "received_at"),
                time(rs, "due_at"),
                time(rs, "finished_at"),
                time(rs, "returned_at"),
                rs.getBoolean("paid_online"),
                rs.getBoolean("digitised"),
                rs.getBoolean("vneid_verified"),
                time(rs, "updated_at"));
    }

    private static Step step(ResultSet rs) throws SQLException {
        return new Step(
                rs.getLong("id"),
                rs.getLong("dossier_id"),
                rs.getString("dossier_code"),
                time(rs, "at"),
                rs.getString("handler"),
                rs.getString("title"),
                rs.getString("department"),
                rs.getString("content"),
                rs.getString("status"),
                time(rs, "deadline"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the extraction SQL " + file.toAbsolutePath(), e);
        }
    }
}
