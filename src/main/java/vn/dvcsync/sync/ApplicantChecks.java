package vn.dvcsync.sync;

import java.time.LocalDate;
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
                """, (rs, n) -> new PendingCheck(
                rs.getString("dossier_code"),
                new Applicant(null, 1, rs.getString("id_number"), rs.getString("full_name"),
                        rs.getObject("birth_date", LocalDate.class), rs.getObject("sex", Integer.class),
                        null, null, null),
                rs.getString("procedure_code"), rs.getString("unit_code")), limit);
    }

    void markChecked(String dossierCode) {
        jdbc.update("update applicant_check set status = 'CHECKED', checked_at = now() where dossier_code = ?",
                dossierCode);
    }
}
