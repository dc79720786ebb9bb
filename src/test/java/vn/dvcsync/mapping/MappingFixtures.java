package vn.dvcsync.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;

/** City records for the mapping tests; the mapping is the project's real {@code mappings/} folder. */
final class MappingFixtures {

    static final Path MAPPINGS = Path.of("mappings");
    static final PortalMapping MAPPING = PortalMapping.load(MAPPINGS);
    static final PortalRules RULES = new PortalRules(TextPolicy.load(MAPPINGS));
    static final String PROVINCE = "H26";

    /** 2024-09-16 00:30:00 in Vietnam. */
    static final OffsetDateTime RECEIVED_UTC = OffsetDateTime.parse("2024-09-15T17:30:00Z");

    private MappingFixtures() {}

    /** A copy of the project's mappings folder under {@code dir}, to break or change. */
    static Path copyMappings(Path dir) throws IOException {
        Path copy = Files.createDirectories(dir).resolve("mappings");
        try (Stream<Path> files = Files.walk(MAPPINGS)) {
            for (Path source : files.toList()) {
                Files.copy(source, copy.resolve(MAPPINGS.relativize(source).toString()));
            }
        }
        return copy;
    }

    /** A copy of the mappings whose text policy has these actions for TEXT_NOT_NFC and TEXT_SQL_LIKE. */
    static Path withTextPolicy(Path dir, String notNfc, String sqlLike) throws IOException {
        Path copy = copyMappings(dir);
        Path file = copy.resolve(TextPolicy.FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8)
                .replaceFirst("(?m)^(" + TextPolicy.NOT_NFC + ":\\s+action:) \\w+", "$1 " + notNfc)
                .replaceFirst("(?m)^(" + TextPolicy.SQL_LIKE + ":\\s+action:) \\w+", "$1 " + sqlLike);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return copy;
    }

    static Applicant citizen(String idNumber) {
        return new Applicant(7L, 1, idNumber, "Nguyễn Văn An", null, 1, "0912345678", "an.nguyen@example.vn", null);
    }

    static Applicant applicant(int kind, String idNumber, String name) {
        return new Applicant(7L, kind, idNumber, name, null, null, null, null, null);
    }

    static Dossier dossier() {
        return dossier(citizen("001085012345"), "DA_TRA_KET_QUA", RECEIVED_UTC);
    }

    static Dossier dossier(Applicant applicant, String status) {
        return dossier(applicant, status, RECEIVED_UTC);
    }

    static Dossier dossier(Applicant applicant, String status, OffsetDateTime receivedAt) {
        return new Dossier(
                42L,
                "H26.22-240915-0001",
                "1.001612.000.00.00.H26",
                "Cấp giấy phép xây dựng",
                "XD",
                "Xây dựng",
                "000.00.04.H26",
                "Sở Xây dựng",
                applicant,
                "Xin cấp phép xây nhà ở riêng lẻ",
                2,
                status,
                OffsetDateTime.parse("2024-09-15T08:00:00+07:00"),
                receivedAt,
                OffsetDateTime.parse("2024-09-30T10:00:00+07:00"),
                OffsetDateTime.parse("2024-09-25T03:00:00Z"),
                OffsetDateTime.parse("2024-09-26T09:15:30+07:00"),
                true,
                false,
                true,
                OffsetDateTime.parse("2024-09-26T09:15:31+07:00"));
    }

    static Step step(String status) {
        return new Step(
                9L,
                42L,
                "H26.22-240915-0001",
                OffsetDateTime.parse("2024-09-16T02:00:00Z"),
                "Trần Thị Bình",
                "Chuyên viên",
                "Phòng Quản lý xây dựng",
                "Thẩm định hồ sơ",
                status,
                OffsetDateTime.parse("2024-09-20T17:00:00+07:00"));
    }
}
