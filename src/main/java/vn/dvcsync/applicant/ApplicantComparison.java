package vn.dvcsync.applicant;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.population.IdNumbers;
import vn.dvcsync.population.LookupResult;
import vn.dvcsync.population.Names;
import vn.dvcsync.population.PopulationRecord;

/**
 * Compares a city applicant with the population database's answer, per the gateway's comparison rules:
 * names after Unicode NFC, case folding and collapsing white space (diacritics count); a birth date
 * known only as a year by year; sex as is; and the ID number against the city's own birth date and sex.
 * One finding per field at most.
 */
final class ApplicantComparison {

    public static final String NOT_FOUND = Category.APPLICANT_NOT_FOUND.name();
    public static final String MISMATCH = Category.APPLICANT_DATA_MISMATCH.name();
    public static final String NAME = "HoTen";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private ApplicantComparison() {}

    public static List<ApplicantFinding> compare(Applicant city, LookupResult population) {
        List<ApplicantFinding> findings = new ArrayList<>();
        if (!(population instanceof LookupResult.Found found)) {
            findings.add(new ApplicantFinding(NOT_FOUND, IdNumbers.ID_NUMBER, IdNumbers.mask(city.idNumber()), null));
            return findings;
        }
        PopulationRecord person = found.record();
        if (!Objects.equals(Names.comparable(city.fullName()), Names.comparable(person.fullName()))) {
            findings.add(mismatch(NAME, city.fullName(), person.fullName()));
        }
        if (!sameBirth(city.birthDate(), person.birth())) {
            findings.add(mismatch(IdNumbers.BIRTH_DATE, format(city.birthDate()), person.birth()));
        }
        if (!Objects.equals(city.sex(), person.sex())) {
            findings.add(mismatch(IdNumbers.SEX, text(city.sex()), text(person.sex())));
        }
        for (String field : IdNumbers.contradictions(city.idNumber(), city.birthDate(), city.sex())) {
            if (findings.stream().noneMatch(f -> f.field().equals(field))) {
                findings.add(idContradiction(field, city));
            }
        }
        return findings;
    }

    /** A birth known only as a year ({@code yyyy}) compares by year; a full one by date. */
    static boolean sameBirth(LocalDate city, String population) {
        if (city == null || population == null) {
            return city == null && population == null;
        }
        if (population.length() == 4) {
            return population.equals(String.format("%04d", city.getYear()));
        }
        return population.equals(format(city));
    }

    private static ApplicantFinding idContradiction(String field, Applicant city) {
        String id = city.idNumber();
        return switch (field) {
            case IdNumbers.SEX -> mismatch(field, text(city.sex()), text(IdNumbers.impliedSex(id)));
            case IdNumbers.BIRTH_DATE ->
                mismatch(field, format(city.birthDate()), text(IdNumbers.impliedBirthYear(id)));
            default -> mismatch(field, IdNumbers.mask(id), null);
        };
    }

    private static ApplicantFinding mismatch(String field, String cityValue, String populationValue) {
        return new ApplicantFinding(MISMATCH, field, cityValue, populationValue);
    }

    private static String format(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
