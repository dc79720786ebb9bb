package vn.dvcsync.canonical;

import java.time.LocalDate;

/**
 * Canonical applicant (chủ hồ sơ), as the city's extraction SQL yields it.
 * Every field may be null: bad city rows must reach validation, which names the rule they break.
 *
 * @param kind 1 citizen, 2 enterprise, 3 state agency, 4 other organisation
 * @param sex  1 male, 2 female
 */
public record Applicant(
        Long id,
        Integer kind,
        String idNumber,
        String fullName,
        LocalDate birthDate,
        Integer sex,
        String phone,
        String email,
        String address) {}
