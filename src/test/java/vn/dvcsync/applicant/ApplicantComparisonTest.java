package vn.dvcsync.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.population.LookupResult;
import vn.dvcsync.population.PopulationRecord;

class ApplicantComparisonTest {

    private static final String ID = "001203004567";
    private static final LocalDate BORN = LocalDate.of(2003, 1, 15);

    private static Applicant applicant(String id, String name, LocalDate birth, Integer sex) {
        return new Applicant(1L, 1, id, name, birth, sex, null, null, null);
    }

    private static LookupResult person(String name, String birth, Integer sex) {
        return LookupResult.found(new PopulationRecord(ID, name, birth, sex));
    }

    @Test
    void unknownIdNumberIsOneNotFoundFindingWithTheNumberMasked() {
        assertThat(ApplicantComparison.compare(applicant(ID, "Nguyễn Văn An", BORN, 1), LookupResult.notFound()))
                .containsExactly(new ApplicantFinding("APPLICANT_NOT_FOUND", "SoDinhDanh", "********4567", null));
    }

    @Test
    void matchingPersonGivesNoFinding() {
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", BORN, 1), person("Nguyễn Văn An", "20030115", 1)))
                .isEmpty();
    }

    @Test
    void composedAndDecomposedNamesAreEqual() {
        String decomposed = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Nguyễn Văn An");

        assertThat(ApplicantComparison.compare(
                        applicant(ID, decomposed, BORN, 1), person("Nguyễn Văn An", "20030115", 1)))
                .isEmpty();
    }

    @Test
    void caseAndWhiteSpaceDoNotCount() {
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "  NGUYỄN   văn\u00A0an ", BORN, 1), person("Nguyễn Văn An", "20030115", 1)))
                .isEmpty();
    }

    @Test
    void diacriticsCount() {
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyen Van An", BORN, 1), person("Nguyễn Văn An", "20030115", 1)))
                .containsExactly(
                        new ApplicantFinding("APPLICANT_DATA_MISMATCH", "HoTen", "Nguyen Van An", "Nguyễn Văn An"));
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn Ân", BORN, 1), person("Nguyễn Văn An", "20030115", 1)))
                .extracting(ApplicantFinding::field)
                .containsExactly("HoTen");
    }

    @Test
    void birthDateKnownOnlyAsAYearComparesByYear() {
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", BORN, 1), person("Nguyễn Văn An", "2003", 1)))
                .isEmpty();
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", BORN, 1), person("Nguyễn Văn An", "2002", 1)))
                .containsExactly(new ApplicantFinding("APPLICANT_DATA_MISMATCH", "NgaySinh", "20030115", "2002"));
    }

    @Test
    void differentBirthDateOrSexIsAMismatch() {
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", BORN, 1), person("Nguyễn Văn An", "20030116", 1)))
                .containsExactly(new ApplicantFinding("APPLICANT_DATA_MISMATCH", "NgaySinh", "20030115", "20030116"));
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", BORN, 1), person("Nguyễn Văn An", "20030115", 2)))
                .containsExactly(new ApplicantFinding("APPLICANT_DATA_MISMATCH", "GioiTinh", "1", "2"));
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", null, 1), person("Nguyễn Văn An", "20030115", 1)))
                .extracting(ApplicantFinding::field)
                .containsExactly("NgaySinh");
    }

    @Test
    void idNumberContradictingTheCityRecordIsAMismatchEvenWhenThePopulationAgrees() {
        // digit 4 is 2: a man born in the 21st century; the city and the population both say a woman
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Thị An", BORN, 2), person("Nguyễn Thị An", "20030115", 2)))
                .containsExactly(new ApplicantFinding("APPLICANT_DATA_MISMATCH", "GioiTinh", "2", "1"));
        // year digits 03, city and population say 2004
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", LocalDate.of(2004, 1, 15), 1),
                        person("Nguyễn Văn An", "20040115", 1)))
                .containsExactly(new ApplicantFinding("APPLICANT_DATA_MISMATCH", "NgaySinh", "20040115", "2003"));
    }

    @Test
    void unknownProvinceIsReportedWithTheNumberMasked() {
        assertThat(ApplicantComparison.compare(
                        applicant("003203004567", "Nguyễn Văn An", BORN, 1), person("Nguyễn Văn An", "20030115", 1)))
                .containsExactly(new ApplicantFinding("APPLICANT_DATA_MISMATCH", "SoDinhDanh", "********4567", null));
    }

    @Test
    void oneFindingPerField() {
        // the population says male and the ID number says male: one GioiTinh row, not two
        assertThat(ApplicantComparison.compare(
                        applicant(ID, "Nguyễn Văn An", BORN, 2), person("Nguyễn Văn An", "20030115", 1)))
                .containsExactly(new ApplicantFinding("APPLICANT_DATA_MISMATCH", "GioiTinh", "2", "1"));
    }
}
