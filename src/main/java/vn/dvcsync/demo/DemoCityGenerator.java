package vn.dvcsync.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Generates a realistic demo city — Hà Nội ({@code H26}): its departments, districts and some communes,
 * about two hundred procedures, applicants and a year of dossiers with their processing steps — into the
 * schema {@code city} (the reference schema {@code city-schema.sql}), and its national side into the schema
 * {@code demo}: what the portal's procedure catalogue and the population registry hold, the defects
 * planted on purpose (the answer key) and the portal-side states a loader applies to the portal simulator.
 * Same spec, same data, row for row. Rows stream through PostgreSQL {@code COPY}; memory does not grow
 * with the number of dossiers (beyond the answer key, a few per cent of them).
 *
 * <h2>The schema {@code demo}</h2>
 * <ul>
 * <li>{@code catalogue(ma_tthc, ten_tthc, ma_linh_vuc, ten_linh_vuc, cong_khai, ngay_cong_khai)}: the portal's
 *     catalogue ({@code LayDanhSachTTHC}): every city procedure except those planted {@code PROCEDURE_UNKNOWN}.</li>
 * <li>{@code citizen(so_dinh_danh, ho, chu_dem, ten, gioi_tinh, ngay_thang_nam)}: the population registry:
 *     every citizen applicant with an ID number (12-digit or 9-digit old card) exactly as the city has them
 *     ({@code ngay_thang_nam} {@code yyyyMMdd}, or {@code yyyy} for some people born before 1960, whom the
 *     city records on 1 January), except the planted applicants.</li>
 * <li>{@code planted(category, record_type, record_key, field)}: one row per planted defect, each on its own
 *     record, with the category, record type, key and field the gateway's mismatch report uses: see below.</li>
 * <li>{@code portal_plant(ma_ho_so, kind, field, value)}: what a loader does to the portal simulator after
 *     putting on it every city dossier that is sendable (not planted {@code DOSSIER_INVALID}, not citing a
 *     procedure absent from the catalogue) as the gateway's mapping makes it, with {@code NgayDongBo} and
 *     {@code NgayCapNhat} equal to the city's {@code cap_nhat_luc}. Kinds:
 *     <ul>
 *     <li>{@code ORPHAN}: add dossier {@code ma_ho_so}, unknown to the city, made from the city dossier whose
 *         code is {@code value} ({@code field} = {@code MaHoSo}) with only {@code MaHoSo} replaced;</li>
 *     <li>{@code STATUS}: {@code TrangThaiHoSo} of the portal copy becomes {@code value} (a portal code);</li>
 *     <li>{@code STALE}: {@code NgayCapNhat} of the portal copy becomes {@code value} ({@code yyyyMMddHHmmss},
 *         more than 25 hours before the city's last change);</li>
 *     <li>{@code FIELD}: the portal field {@code field} ({@code NgayHenTra}, {@code MaDonViXuLy},
 *         {@code NgayKetThucXuLy} or {@code NgayTra}) becomes {@code value} (times {@code yyyyMMddHHmmss});</li>
 *     <li>{@code MISSING}: leave dossier {@code ma_ho_so} off the portal.</li>
 *     </ul>
 *     Everything else of a planted portal copy equals the city's dossier.</li>
 * </ul>
 *
 * <h2>Planted defects ({@code demo.planted})</h2>
 * About {@code defectShare} of the dossiers carry one defect each, spread over the year and over the kinds
 * (each kind at least once from 200 dossiers on); a planted dossier cites a procedure public on time and has
 * no other defect, and each planted applicant has exactly that one dossier.
 * <ul>
 * <li>{@code DOSSIER_INVALID}, DOSSIER, MaHoSo, field: {@code NgayHenTra} (due before receipt),
 *     {@code NgayKetThucXuLy} (DA_CO_KET_QUA without it), {@code DinhDanhCHS} (a citizen without ID number),
 *     {@code MaHoSo} (code without {@code H26.}), {@code TrichYeuHoSo} (a vertical tab, U+000B, in the summary),
 *     {@code TrangThaiHoSo} (a status outside the city's vocabulary; the steps keep valid ones).</li>
 * <li>{@code APPLICANT_NOT_FOUND}, APPLICANT, MaHoSo, {@code SoDinhDanh}: a well-formed ID number the registry lacks.</li>
 * <li>{@code APPLICANT_DATA_MISMATCH}, APPLICANT, MaHoSo, field: {@code HoTen} (the registry spells the given
 *     name otherwise), {@code NgaySinh} (another day of the same year), {@code GioiTinh} (the other sex);
 *     and with the registry equal to the city, {@code NgaySinh} when the ID number's year digits contradict
 *     the birth year, {@code GioiTinh} when its century/sex digit contradicts the sex.</li>
 * <li>{@code PROCEDURE_NOT_PUBLIC}, PROCEDURE, MaTTHC, {@code CongKhai}: in force, in the catalogue, not public.</li>
 * <li>{@code PROCEDURE_PUBLIC_LATE}, PROCEDURE, MaTTHC, {@code NgayCongKhai}: public after {@code han_cong_khai}.</li>
 * <li>{@code PROCEDURE_UNKNOWN}, PROCEDURE, MaTTHC, {@code MaTTHC}: absent from the catalogue (the national
 *     database dropped it; the city marks it {@code hieu_luc = false}) yet cited by dossiers, which the portal
 *     refuses; and {@code PROCEDURE_UNKNOWN}, DOSSIER, MaHoSo, {@code MaTTHC}: each dossier citing it, never sent.</li>
 * <li>{@code DOSSIER_ORPHAN_ON_PORTAL} (key: the orphan's code), {@code DOSSIER_STATUS_MISMATCH}
 *     ({@code TrangThaiHoSo}), {@code DOSSIER_STALE} ({@code NgayCapNhat}), {@code DOSSIER_FIELD_MISMATCH}
 *     (the field), {@code DOSSIER_MISSING_ON_PORTAL} (empty field): DOSSIER, with a {@code portal_plant} row.</li>
 * </ul>
 */
public final class DemoCityGenerator {

    private static final String DEMO_SCHEMA = """
            create schema demo;
            create table demo.catalogue (
                ma_tthc        varchar(40)   primary key,
                ten_tthc       varchar(1000) not null,
                ma_linh_vuc    varchar(20)   not null,
                ten_linh_vuc   varchar(255)  not null,
                cong_khai      boolean       not null,
                ngay_cong_khai date
            );
            create table demo.citizen (
                so_dinh_danh   varchar(20)  not null,
                ho             varchar(60)  not null,
                chu_dem        varchar(60)  not null default '',
                ten            varchar(60)  not null,
                gioi_tinh      smallint     not null,
                ngay_thang_nam varchar(8)   not null
            );
            create table demo.planted (
                category    varchar(40) not null,
                record_type varchar(10) not null,
                record_key  varchar(60) not null,
                field       varchar(40) not null default '',
                primary key (category, record_key, field)
            );
            create table demo.portal_plant (
                ma_ho_so varchar(60)  not null,
                kind     varchar(10)  not null,
                field    varchar(40)  not null default '',
                value    varchar(255) not null default '',
                primary key (ma_ho_so, kind)
            );
            comment on schema demo is 'National side and answer key of the generated demo city (see DemoCityGenerator)';
            comment on table demo.catalogue is 'The portal''s procedure catalogue (LayDanhSachTTHC)';
            comment on table demo.citizen is 'The population registry: ngay_thang_nam yyyyMMdd or yyyy';
            comment on table demo.planted is 'Planted defects: what reconciliation must find, nothing more';
            comment on table demo.portal_plant is 'Portal-side states to apply after loading the sendable city dossiers: ORPHAN (copy of dossier <value>), STATUS, STALE (NgayCapNhat), FIELD (<field> = <value>), MISSING (leave off)';
            """;

    private final DataSource writable;

    public DemoCityGenerator(DataSource writable) {
        this.writable = Objects.requireNonNull(writable, "writable");
    }

    /** True when {@code city.ho_so} exists and holds rows: a restart keeps the city it finds. */
    public static boolean isGenerated(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select to_regclass('city.ho_so') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
            try (ResultSet rs = s.executeQuery("select exists (select 1 from city.ho_so)")) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether the demo city exists: " + e.getMessage(), e);
        }
    }

    /**
     * Drops the schemas {@code city} and {@code demo} and generates them anew, in one transaction (a failure
     * leaves the previous city in place).
     */
    public DemoSummary generate(DemoSpec spec) {
        int unknownCount = Math.min(City.catalogueDefects(spec.defectShare(), 0.25), spec.dossiers());
        City city = new City(spec.seed(), spec.anchor(), spec.defectShare(), unknownCount);
        DefectPlan plan = new DefectPlan(spec.dossiers(), spec.defectShare(), city.unknown.size(), spec.seed());
        Applicants applicants = new Applicants(spec.seed(), spec.anchor(), spec.dossiers(), plan.dedicated());
        VietnamClock clock = new VietnamClock(spec.anchor());
        Run run = new Run(spec, city, plan, applicants, clock);
        try (Connection c = writable.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            DemoSummary summary;
            try {
                execute(c, "drop schema if exists city cascade; drop schema if exists demo cascade");
                execute(c, citySchema());
                execute(c, DEMO_SCHEMA);
                List<String> restore = relaxConstraints(c);
                summary = run.write(c);
                for (String sql : restore) {
                    execute(c, sql);
                }
                execute(c, "alter table demo.citizen add primary key (so_dinh_danh)");
                execute(
                        c,
                        "analyze city.don_vi, city.thu_tuc, city.chu_ho_so, city.ho_so, city.tien_do, "
                                + "demo.catalogue, demo.citizen, demo.planted, demo.portal_plant");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return summary;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not generate the demo city: " + e.getMessage(), e);
        }
    }

    /** One generation: the passes that write the tables. */
    private static final class Run {
        private final DemoSpec spec;
        private final City city;
        private final DefectPlan plan;
        private final Applicants applicants;
        private final VietnamClock clock;
        private final Paperwork paperwork;

        Run(DemoSpec spec, City city, DefectPlan plan, Applicants applicants, VietnamClock clock) {
            this.spec = spec;
            this.city = city;
            this.plan = plan;
            this.applicants = applicants;
            this.clock = clock;
            this.paperwork = new Paperwork(spec.seed(), city);
        }

        DemoSummary write(Connection c) throws SQLException {
            units(c);
            procedures(c);
            catalogue(c);
            long applicantRows = applicants(c);
            long dossiers = dossiers(c);
            long steps = steps(c);
            long citizens = citizens(c);
            Map<String, Integer> planted = new TreeMap<>();
            long portalPlants = planted(c, planted);
            return new DemoSummary(
                    city.units.size(),
                    city.procedures.size(),
                    applicantRows,
                    dossiers,
                    steps,
                    citizens,
                    portalPlants,
                    planted);
        }

        private CopyWriter writer(Connection c, String table, String columns) throws SQLException {
            return new CopyWriter(c, table, columns, clock);
        }

        private void units(Connection c) throws SQLException {
            try (CopyWriter w = writer(c, "city.don_vi", "id, ma_dinh_danh, ten, cap")) {
                for (City.Unit u : city.units) {
                    w.number(u.id())
                            .text(u.code())
                            .text(u.name())
                            .text(u.level().name())
                            .endRow();
                }
                w.finish();
            }
        }

        private void procedures(Connection c) throws SQLException {
            try (CopyWriter w = writer(
                    c,
                    "city.thu_tuc",
                    "id, ma_tthc, ten, ma_linh_vuc, ten_linh_vuc, muc_do, "
                            + "co_phi, so_quyet_dinh_cong_bo, ngay_quyet_dinh, han_cong_khai, hieu_luc, cap_nhat_luc")) {
                for (City.Procedure p : city.procedures) {
                    Rng r = new Rng(spec.seed(), 0x7E77, p.id());
                    long updated = VietnamClock.local(p.decisionDate(), 8 * VietnamClock.HOUR) + r.nextInt(8 * 3600);
                    w.number(p.id())
                            .text(p.code())
                            .text(p.name())
                            .text(p.field().code())
                            .text(p.field().name())
                            .text(p.mucDo())
                            .bool(p.fee())
                            .text(p.decision())
                            .date(p.decisionDate().toEpochDay())
                            .date(p.deadline().toEpochDay())
                            .bool(p.inForce())
                            .time(updated)
                            .endRow();
                }
                w.finish();
            }
        }

        private void catalogue(Connection c) throws SQLException {
            try (CopyWriter w = writer(
                    c, "demo.catalogue", "ma_tthc, ten_tthc, ma_linh_vuc, ten_linh_vuc, cong_khai, ngay_cong_khai")) {
                for (City.Procedure p : city.procedures) {
                    if (p.publication() == City.Publication.UNKNOWN) {
                        continue;
                    }
                    w.text(p.code())
                            .text(p.name())
                            .text(p.field().code())
                            .text(p.field().name())
                            .bool(p.publication() != City.Publication.NOT_PUBLIC)
                            .date(
                                    p.publishedOn() == null
                                            ? VietnamClock.NONE
                                            : p.publishedOn().toEpochDay())
                            .endRow();
                }
                w.finish();
            }
        }

        private long applicants(Connection c) throws SQLException {
            Applicants.Person p = new Applicants.Person();
            Applicants.Ids ids = new Applicants.Ids(spec.seed());
            try (CopyWriter w = writer(
                    c,
                    "city.chu_ho_so",
                    "id, loai_doi_tuong, so_dinh_danh, ho_ten, ngay_sinh, gioi_tinh, dien_thoai, email, dia_chi")) {
                for (long id = 1; id <= applicants.total(); id++) {
                    applicants.describe(id, p);
                    w.number(id)
                            .number(p.kind)
                            .text(ids.next(p))
                            .text(p.name)
                            .date(p.birthDay)
                            .number(p.kind == 1 ? Integer.valueOf(p.sex) : null)
                            .text(p.phone)
                            .text(p.email)
                            .text(p.address)
                            .endRow();
                }
                return w.finish();
            }
        }

        private long dossiers(Connection c) throws SQLException {
            Dossiers dossiers = new Dossiers(spec, city, applicants, plan, clock);
            Dossiers.Draft d = dossiers.d;
            Applicants.Person p = new Applicants.Person();
            try (CopyWriter w = writer(
                    c,
                    "city.ho_so",
                    "id, ma_ho_so, thu_tuc_id, don_vi_id, chu_ho_so_id, "
                            + "trich_yeu, kenh, trang_thai, ngay_nop, ngay_tiep_nhan, ngay_hen_tra, ngay_ket_thuc_xu_ly, "
                            + "ngay_tra, thanh_toan_truc_tuyen, co_so_hoa, xac_thuc_vneid, cap_nhat_luc")) {
                while (dossiers.next()) {
                    applicants.describe(d.applicant, p);
                    w.number(d.id)
                            .text(d.code)
                            .number(d.procedure.id())
                            .number(d.unit + 1L)
                            .number(d.applicant)
                            .text(paperwork.summary(d, p))
                            .number(d.channel)
                            .text(d.status)
                            .time(d.submitted)
                            .time(d.received)
                            .time(d.due)
                            .time(d.finished)
                            .time(d.returned)
                            .bool(d.paidOnline)
                            .bool(d.digitised)
                            .bool(d.vneid)
                            .time(d.updated)
                            .endRow();
                }
                return w.finish();
            }
        }

        private long steps(Connection c) throws SQLException {
            Dossiers dossiers = new Dossiers(spec, city, applicants, plan, clock);
            Dossiers.Draft d = dossiers.d;
            Applicants.Person p = new Applicants.Person();
            String[] text = new String[4];
            long[] deadline = new long[1];
            long id = 0;
            try (CopyWriter w = writer(
                    c,
                    "city.tien_do",
                    "id, ho_so_id, thoi_diem, nguoi_xu_ly, chuc_danh, phong_ban, noi_dung, trang_thai, han_xu_ly")) {
                while (dossiers.next()) {
                    if (d.channel == 2) {
                        applicants.describe(d.applicant, p);
                    }
                    for (int k = 0; k < d.steps; k++) {
                        paperwork.describeStep(d, k, text, deadline, p);
                        w.number(++id)
                                .number(d.id)
                                .time(d.stepAt[k])
                                .text(text[0])
                                .text(text[1])
                                .text(text[2])
                                .text(text[3])
                                .text(Dossiers.STATUS[d.stepStatus[k]])
                                .time(deadline[0])
                                .endRow();
                    }
                }
                return w.finish();
            }
        }

        private long citizens(Connection c) throws SQLException {
            Applicants.Person p = new Applicants.Person();
            Applicants.Ids ids = new Applicants.Ids(spec.seed());
            try (CopyWriter w =
                    writer(c, "demo.citizen", "so_dinh_danh, ho, chu_dem, ten, gioi_tinh, ngay_thang_nam")) {
                for (long id = 1; id <= applicants.total(); id++) {
                    applicants.describe(id, p);
                    String idNumber = ids.next(p);
                    String[] registry = p.citizen() && idNumber != null ? applicants.registry(p, idNumber) : null;
                    if (registry != null) {
                        w.text(registry[0])
                                .text(registry[1])
                                .text(registry[2])
                                .text(registry[3])
                                .number(Integer.valueOf(registry[4]))
                                .text(registry[5])
                                .endRow();
                    }
                }
                return w.finish();
            }
        }

        /** The answer key and the portal plants: a few per cent of the dossiers, gathered then copied. */
        private long planted(Connection c, Map<String, Integer> counts) throws SQLException {
            List<String[]> planted = new ArrayList<>();
            List<String[]> portal = new ArrayList<>();
            for (City.Procedure p : city.procedures) {
                switch (p.publication()) {
                    case NOT_PUBLIC ->
                        planted.add(new String[] {"PROCEDURE_NOT_PUBLIC", "PROCEDURE", p.code(), "CongKhai"});
                    case LATE ->
                        planted.add(new String[] {"PROCEDURE_PUBLIC_LATE", "PROCEDURE", p.code(), "NgayCongKhai"});
                    case UNKNOWN -> planted.add(new String[] {"PROCEDURE_UNKNOWN", "PROCEDURE", p.code(), "MaTTHC"});
                    default -> {}
                }
            }
            Dossiers dossiers = new Dossiers(spec, city, applicants, plan, clock);
            Dossiers.Draft d = dossiers.d;
            boolean more;
            do {
                more = dossiers.next();
                if (more && d.category != null) {
                    planted.add(new String[] {d.category, d.recordType, d.code, d.field});
                }
                if (more && d.plantKind != null) {
                    portal.add(new String[] {d.code, d.plantKind, d.plantField, d.plantValue});
                }
                for (Dossiers.Orphan o : dossiers.takeOrphans()) {
                    planted.add(new String[] {"DOSSIER_ORPHAN_ON_PORTAL", "DOSSIER", o.code(), ""});
                    portal.add(new String[] {o.code(), "ORPHAN", "MaHoSo", o.source()});
                }
            } while (more);
            for (String[] row : planted) {
                counts.merge(row[0], 1, Integer::sum);
            }
            copyRows(c, "demo.planted", "category, record_type, record_key, field", planted);
            return copyRows(c, "demo.portal_plant", "ma_ho_so, kind, field, value", portal);
        }

        private long copyRows(Connection c, String table, String columns, List<String[]> rows) throws SQLException {
            try (CopyWriter w = writer(c, table, columns)) {
                for (String[] row : rows) {
                    for (String v : row) {
                        w.text(v);
                    }
                    w.endRow();
                }
                return w.finish();
            }
        }
    }

    /**
     * Drops the city's foreign keys, unique constraints and secondary indexes for the bulk load (checking and
     * maintaining them row by row is what makes loading slow) and returns the statements that restore them.
     */
    private static List<String> relaxConstraints(Connection c) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select format('alter table %s drop constraint %I', conrelid::regclass, conname),
                           format('alter table %s add constraint %I %s', conrelid::regclass, conname,
                                  pg_get_constraintdef(oid))
                    from pg_constraint
                    where connamespace = 'city'::regnamespace and contype in ('f', 'p', 'u')
                    order by contype desc, conname
                    """)) {
                while (rs.next()) { // unique constraints first, then foreign keys
                    drop.add(0, rs.getString(1));
                    restore.add(rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                    from pg_index i join pg_class t on t.oid = i.indrelid
                    where t.relnamespace = 'city'::regnamespace
                      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                    order by 2
                    """)) {
                while (rs.next()) {
                    drop.add(rs.getString(1));
                    restore.add(rs.getString(2));
                }
            }
        }
        for (String sql : drop) {
            execute(c, sql);
        }
        return restore;
    }

    private static String citySchema() {
        try (InputStream in = DemoCityGenerator.class.getResourceAsStream("/city-schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("city-schema.sql is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
