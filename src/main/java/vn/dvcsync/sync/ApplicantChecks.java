package vn.dvcsync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.city.Applicant;
import vn.dvcsync.city.Dossier;

/** The queue of applicants to verify: one row per citizen dossier, reset when its applicant data changes. */
@Component
class ApplicantChecks {

    /** An applicant waiting for verification, with what the dossier says of them. */
    record PendingCheck(String dossierCode, Applicant applicant, String procedureCode, String unitCode) {
    }

    private final JdbcTemplate jdbc;

    ApplicantChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the citizens of these dossiers whose ID number, name, birth date or sex is new or changed. */
    void stage(List<Dossier> page) {
        List<Dossier> citizens = page.stream()
                .filter(d -> d.code() != null && d.applicant() != null
                        && Integer.valueOf(1).equals(d.applicant().kind())
                        && d.applicant().idNumber() != null && !d.applicant().idNumber().isBlank())
                .toList();
        jdbc.batchUpdate("""
                insert into applicant_check (dossier_code, id_number, full_name, birth_date, sex,
                                             procedure_code, unit_code, status)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING')
                on conflict (dossier_code) do update
                   set id_number = excluded.id_number, full_name = excluded.full_name,
                       birth_date = excluded.birth_date, sex = excluded.sex,
                       procedure_code = excluded.procedure_code, unit_code = excluded.unit_code,
                       status = 'PENDING', updated_at = now()
                 where (applicant_check.id_number, applicant_check.full_name, applicant_check.birth_date,
                        applicant_check.sex)
                       is distinct from (excluded.id_number, excluded.full_name, excluded.birth_date, excluded.sex)
                """, citizens, 500, (ps, d) -> {
            Applicant a = d.applicant();
            ps.setString(1, d.code());
            ps.setString(2, a.idNumber().trim());
            ps.setString(3, a.fullName());
            ps.setObject(4, a.birthDate());
            ps.setObject(5, a.sex() == null ? null : a.sex().shortValue());
            ps.setString(6, d.procedureCode());
            ps.setString(7, d.unitCode());
        });
    }

    /** Up to {@code limit} pending checks, oldest dossier code first. */
    List<PendingCheck> pending(int limit) {
        return jdbc.query("""
                select dossier_code, id_number, full_name, birth_date, sex, procedure_code, unit_code
                from applicant_check where status = 'PENDING' order by dossier_code limit ?
                """, ApplicantChecks::pendingCheck, limit);
    }

    /** Up to {@code limit} pending checks among these dossiers, in dossier code order. */
    List<PendingCheck> pendingAmong(Collection<String> dossierCodes, int limit) {
        return jdbc.query("""
                select dossier_code, id_number, full_name, birth_date, sex, procedure_code, unit_code
                from applicant_check where status = 'PENDING' and dossier_code = any(?) order by dossier_code limit ?
                """, ApplicantChecks::pendingCheck, dossierCodes.toArray(String[]::new), limit);
    }

    /**
     * Up to {@code limit} dossier codes after {@code after}, in code order, whose check is pending or whose
     * cached population answer was not fetched after {@code freshAfter}.
     */
    List<String> unverified(String after, Instant freshAfter, int limit) {
        return jdbc.queryForList("""
                select c.dossier_code from applicant_check c
                left join population_cache p on p.id_number = c.id_number
                where c.dossier_code > ? and (c.status = 'PENDING' or p.fetched_at is null or p.fetched_at <= ?)
                order by c.dossier_code limit ?
                """, String.class, after, Timestamp.from(freshAfter), limit);
    }

    /** Queues again the checked applicants of these dossiers whose cached answer was not fetched after {@code freshAfter}. */
    int requeueStale(Collection<String> dossierCodes, Instant freshAfter) {
        return jdbc.update("""
                update applicant_check c set status = 'PENDING', updated_at = now()
                where c.dossier_code = any(?) and c.status = 'CHECKED'
                  and not exists (select 1 from population_cache p where p.id_number = c.id_number and p.fetched_at > ?)
                """, dossierCodes.toArray(String[]::new), Timestamp.from(freshAfter));
    }

    private static PendingCheck pendingCheck(ResultSet rs, int n) throws SQLException {
        return new PendingCheck(
                rs.getString("dossier_code"),
                new Applicant(null, 1, rs.getString("id_number"), rs.getString("full_name"),
                        rs.getObject("birth_date", LocalDate.class), rs.getObject("sex", Integer.class),
                        null, null, null),
                rs.getString("procedure_code"), rs.getString("unit_code"));
    }

    void markChecked(String dossierCode) {
        jdbc.update("update applicant_check set status = 'CHECKED', checked_at = now() where dossier_code = ?",
                dossierCode);
    }
}
