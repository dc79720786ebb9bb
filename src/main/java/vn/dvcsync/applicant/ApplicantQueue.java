package vn.dvcsync.applicant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.canonical.Dossier;

/** The queue of applicants to verify: one row per citizen dossier, reset when its applicant data changes. */
@Component
public class ApplicantQueue {

    /** An applicant waiting for verification, with what the dossier says of them. */
    public record PendingCheck(String dossierCode, Applicant applicant, String procedureCode, String unitCode) {}

    private final JdbcTemplate jdbc;

    ApplicantQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues the citizens of these dossiers whose ID number, name, birth date or sex is new or changed. One
     * statement for the whole page (arrays unnested), so a reconciliation of a million dossiers costs a thousand
     * round trips, not a million; a code given twice counts once, the last time.
     */
    public void stage(List<Dossier> page) {
        Map<String, Dossier> citizens = new LinkedHashMap<>();
        for (Dossier d : page) {
            if (d.code() != null
                    && d.applicant() != null
                    && Integer.valueOf(1).equals(d.applicant().kind())
                    && d.applicant().idNumber() != null
                    && !d.applicant().idNumber().isBlank()) {
                citizens.remove(d.code());
                citizens.put(d.code(), d);
            }
        }
        if (citizens.isEmpty()) {
            return;
        }
        int n = citizens.size();
        String[] codes = new String[n];
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] births = new String[n];
        String[] sexes = new String[n];
        String[] procedures = new String[n];
        String[] units = new String[n];
        int i = 0;
        for (Dossier d : citizens.values()) {
            Applicant a = d.applicant();
            codes[i] = d.code();
            ids[i] = a.idNumber().trim();
            names[i] = a.fullName();
            births[i] = a.birthDate() == null ? null : a.birthDate().toString();
            sexes[i] = a.sex() == null ? null : Short.toString(a.sex().shortValue());
            procedures[i] = d.procedureCode();
            units[i] = d.unitCode();
            i++;
        }
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    insert into applicant_check (dossier_code, id_number, full_name, birth_date, sex,
                                                 procedure_code, unit_code, status)
                    select code, id, name, birth::date, sex::smallint, procedure, unit, 'PENDING'
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as x (code, id, name, birth, sex, procedure, unit)
                    on conflict (dossier_code) do update
                       set id_number = excluded.id_number, full_name = excluded.full_name,
                           birth_date = excluded.birth_date, sex = excluded.sex,
                           procedure_code = excluded.procedure_code, unit_code = excluded.unit_code,
                           status = 'PENDING', updated_at = now()
                     where (applicant_check.id_number, applicant_check.full_name, applicant_check.birth_date,
                            applicant_check.sex)
                           is distinct from (excluded.id_number, excluded.full_name, excluded.birth_date, excluded.sex)
                    """)) {
                String[][] columns = {codes, ids, names, births, sexes, procedures, units};
                for (int c = 0; c < columns.length; c++) {
                    ps.setArray(c + 1, con.createArrayOf("text", columns[c]));
                }
                return ps.executeUpdate();
            }
        });
    }

    /** Up to {@code limit} pending checks, oldest dossier code first. */
    List<PendingCheck> pending(int limit) {
        return jdbc.query("""
                select dossier_code, id_number, full_name, birth_date, sex, procedure_code, unit_code
                from applicant_check where status = 'PENDING' order by dossier_code limit ?
                """, ApplicantQueue::pendingCheck, limit);
    }

    /** Up to {@code limit} pending checks among these dossiers, in dossier code order. */
    List<PendingCheck> pendingAmong(Collection<String> dossierCodes, int limit) {
        return jdbc.query("""
                select dossier_code, id_number, full_name, birth_date, sex, procedure_code, unit_code
                from applicant_check where status = 'PENDING' and dossier_code = any(?) order by dossier_code limit ?
                """, ApplicantQueue::pendingCheck, dossierCodes.toArray(String[]::new), limit);
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
                new Applicant(
                        null,
                        1,
                        rs.getString("id_number"),
                        rs.getString("full_name"),
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getObject("sex", Integer.class),
                        null,
                        null,
                        null),
                rs.getString("procedure_code"),
                rs.getString("unit_code"));
    }

    void markChecked(String dossierCode) {
        jdbc.update(
                "update applicant_check set status = 'CHECKED', checked_at = now() where dossier_code = ?",
                dossierCode);
    }
}
