package vn.dvcsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvcsync.simulator.PortalCalls.call;
import static vn.dvcsync.simulator.SampleDossiers.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortalSimulatorTest {

    /** 2024-05-01 10:00:00 in Vietnam. */
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T03:00:00Z"));

    private PortalSimulator portal;
    private PortalCalls client;
    private String session;

    @BeforeEach
    void start() throws IOException {
        portal = new PortalSimulator(new PortalSettings(0, "dvcsync", "s3cret", "H26", "000.00.00.H26", clock, 42L))
                .start();
        portal.setCatalogue(SampleDossiers.CATALOGUE);
        client = new PortalCalls(portal.baseUrl());
        session = client.login("dvcsync", "s3cret");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void baseUrlIsTheLoopbackPortalPath() {
        assertThat(portal.baseUrl()).isEqualTo("http://127.0.0.1:" + portal.port() + "/dvcqg");
    }

    @Test
    void aSessionIsReusedAndWrongCredentialsAreRefused() throws IOException {
        JsonNode login = PortalCalls.json(client.post("/auth", "{\"username\":\"dvcsync\",\"password\":\"s3cret\"}"));
        assertThat(login.path("error_code").asText()).isEqualTo("0");
        assertThat(login.path("expires_in").asInt()).isEqualTo(1800);

        for (int i = 0; i < 3; i++) {
            assertThat(client.answer(call(session, "LayDanhSachTTHC"))
                            .path("error_code")
                            .asText())
                    .isEqualTo("0");
        }
        assertThat(portal.authCalls()).isEqualTo(2);
        assertThat(portal.calls("LayDanhSachTTHC")).isEqualTo(3);

        JsonNode wrong = PortalCalls.json(client.post("/auth", "{\"username\":\"dvcsync\",\"password\":\"guess\"}"));
        assertThat(wrong.path("error_code").asText()).isEqualTo("-1");
        assertThat(wrong.path("message").asText()).isEqualTo("Sai tài khoản hoặc mật khẩu");
        assertThat(wrong.has("session")).isFalse();
    }

    @Test
    void unconfiguredCredentialsMeanTheEmptyString() throws IOException {
        try (PortalSimulator open =
                new PortalSimulator(new PortalSettings(0, null, null, "H26", "000.00.00.H26", clock, 1L)).start()) {
            PortalCalls openClient = new PortalCalls(open.baseUrl());
            assertThat(openClient.login("", "")).isNotBlank();
            assertThat(PortalCalls.json(openClient.post("/auth", "{}"))
                            .path("error_code")
                            .asText())
                    .isEqualTo("0");
            assertThat(PortalCalls.json(openClient.post("/auth", "{\"username\":\"x\",\"password\":\"\"}"))
                            .path("error_code")
                            .asText())
                    .isEqualTo("-1");
        }
    }

    @Test
    void unknownAndExpiredSessionsGetMinusOne() throws IOException {
        assertThat(client.answer(call("not-a-session", "LayDanhSachTTHC"))
                        .path("error_code")
                        .asText())
                .isEqualTo("-1");

        clock.advance(Duration.ofSeconds(1799));
        assertThat(client.answer(call(session, "LayDanhSachTTHC"))
                        .path("error_code")
                        .asText())
                .isEqualTo("0");
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.answer(call(session, "LayDanhSachTTHC"))
                        .path("error_code")
                        .asText())
                .isEqualTo("-1");
    }

    @Test
    void malformedRequestsGetCodeOne() throws IOException {
        assertThat(PortalCalls.json(client.post("/integration", "{not json"))
                        .path("error_code")
                        .asText())
                .isEqualTo("1");
        assertThat(PortalCalls.json(client.post("/auth", "[]"))
                        .path("error_code")
                        .asText())
                .isEqualTo("1");

        JsonNode unknown = client.answer(call(session, "XoaHoSo"));
        assertThat(unknown.path("error_code").asText()).isEqualTo("1");
        assertThat(unknown.path("message").asText()).contains("XoaHoSo");

        JsonNode noCode = client.answer(call(session, "TraCuuHoSo"));
        assertThat(noCode.path("error_code").asText()).isEqualTo("1");
        assertThat(noCode.path("message").asText()).contains("mahoso");

        JsonNode noFlag = client.answer(withData(call(session, "DongBoHoSoMC"), dossier("H26.1")));
        assertThat(noFlag.path("error_code").asText()).isEqualTo("1");
        assertThat(noFlag.path("message").asText()).contains("isUpdating");

        ObjectNode otherProvince = call(session, "LayDanhSachTTHC").put("madonvi", "000.00.00.H29");
        assertThat(client.answer(otherProvince).path("error_code").asText()).isEqualTo("1");
    }

    @Test
    void aCreatedDossierIsReadBackAndUpdatedKeepingWhenItFirstArrived() throws IOException {
        JsonNode created = client.answer(sync("False", dossier("H26.2024.000001")));
        assertThat(created.path("error_code").asText()).isEqualTo("0");
        assertThat(itemCodes(created)).containsExactly("0");

        JsonNode first = client.answer(call(session, "TraCuuHoSo").put("mahoso", "H26.2024.000001"));
        assertThat(first.path("error_code").asText()).isEqualTo("0");
        assertThat(first.path("result").path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(first.path("result").path("TrangThaiHoSo").asText()).isEqualTo("4");
        assertThat(first.path("result").path("NgayDongBo").asText()).isEqualTo("20240501100000");
        assertThat(first.path("result").path("NgayCapNhat").asText()).isEqualTo("20240501100000");

        clock.advance(Duration.ofMinutes(20));
        ObjectNode finished =
                dossier("H26.2024.000001").put("TrangThaiHoSo", "9").put("NgayKetThucXuLy", "20240501101500");
        assertThat(itemCodes(client.answer(sync("True", finished)))).containsExactly("0");

        JsonNode second = client.answer(call(session, "TraCuuHoSo").put("mahoso", "H26.2024.000001"));
        assertThat(second.path("result").path("TrangThaiHoSo").asText()).isEqualTo("9");
        assertThat(second.path("result").path("NgayDongBo").asText()).isEqualTo("20240501100000");
        assertThat(second.path("result").path("NgayCapNhat").asText()).isEqualTo("20240501102000");
        assertThat(portal.writes("H26.2024.000001")).isEqualTo(2);
        assertThat(portal.totalWrites()).isEqualTo(2);
        assertThat(portal.dossier("H26.2024.000001"))
                .get()
                .satisfies(held ->
                        assertThat(held.path("NgayKetThucXuLy").asText()).isEqualTo("20240501101500"));

        assertThat(client.answer(call(session, "TraCuuHoSo").put("mahoso", "H26.nothing"))
                        .toString())
                .isEqualTo("{\"error_code\":\"4\"}");
    }

    @Test
    void itemResultsComeInRequestOrderWithTheirOwnCodes() throws IOException {
        portal.preload(List.of(dossier("H26.known")));
        ObjectNode invalid = dossier("H26.invalid").put("NgayHenTra", "20240101000000");
        invalid.remove("ChuHoSo");
        ((ObjectNode) invalid.get("DinhDanhCHS").get(0)).put("SoDinhDanh", "00120300456");

        JsonNode answer = client.answer(sync("False", dossier("H26.new"), invalid, dossier("H26.known")));

        JsonNode results = answer.path("result");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("MaHoSo").asText()).isEqualTo("H26.new");
        assertThat(results.get(0).path("error_code").asText()).isEqualTo("0");
        assertThat(results.get(1).path("MaHoSo").asText()).isEqualTo("H26.invalid");
        assertThat(results.get(1).path("error_code").asText()).isEqualTo("2");
        assertThat(results.get(1).path("message").asText())
                .contains("ChuHoSo")
                .contains("NgayHenTra")
                .contains("DinhDanhCHS[0].SoDinhDanh");
        assertThat(results.get(2).path("MaHoSo").asText()).isEqualTo("H26.known");
        assertThat(results.get(2).path("error_code").asText()).isEqualTo("3");

        JsonNode updates = client.answer(sync("True", dossier("H26.unknown"), dossier("H26.known")));
        assertThat(itemCodes(updates)).containsExactly("4", "0");

        assertThat(portal.dossier("H26.invalid")).isEmpty();
        assertThat(portal.dossier("H26.unknown")).isEmpty();
        assertThat(portal.dossierCount()).isEqualTo(2);
        assertThat(portal.writes("H26.known")).isEqualTo(1);
    }

    @Test
    void moreThanFiftyItemsIsCodeFiveAndNothingIsStored() throws IOException {
        ObjectNode[] batch =
                IntStream.range(0, 51).mapToObj(i -> dossier("H26.b" + i)).toArray(ObjectNode[]::new);
        JsonNode answer = client.answer(sync("False", batch));
        assertThat(answer.path("error_code").asText()).isEqualTo("5");
        assertThat(portal.dossierCount()).isZero();

        JsonNode fifty = client.answer(sync("False", java.util.Arrays.copyOf(batch, 50)));
        assertThat(fifty.path("result")).hasSize(50);
        assertThat(portal.dossierCount()).isEqualTo(50);

        ObjectNode steps = call(session, "CapNhatTienDoHoSoMC");
        ArrayNode data = steps.putArray("data");
        IntStream.range(0, 51).forEach(i -> data.add(step("H26.b0", "20240115090000")));
        assertThat(client.answer(steps).path("error_code").asText()).isEqualTo("5");
        assertThat(portal.steps("H26.b0")).isEmpty();
    }

    @Test
    void stepsAreStoredPerDossierAndUnknownDossiersGetFour() throws IOException {
        portal.preload(List.of(dossier("H26.s1")));
        ObjectNode request = call(session, "CapNhatTienDoHoSoMC");
        request.putArray("data")
                .add(step("H26.s1", "20240115090000"))
                .add(step("H26.unknown", "20240115090000"))
                .add(step("H26.s1", "2024-01-15"))
                .add(step("H26.s1", "20240116100000"));

        JsonNode answer = client.answer(request);

        assertThat(itemCodes(answer)).containsExactly("0", "4", "2", "0");
        assertThat(answer.path("result").get(2).path("message").asText()).startsWith("ThoiDiemXuLy");
        assertThat(portal.steps("H26.s1"))
                .extracting(s -> s.path("ThoiDiemXuLy").asText())
                .containsExactly("20240115090000", "20240116100000");
        assertThat(portal.steps("H26.s1").get(0).path("NoiDungXuLy").asText()).isEqualTo("Thẩm định hồ sơ");
        assertThat(portal.steps("H26.unknown")).isEmpty();
    }

    @Test
    void danhSachHoSoPagesInByteOrderWithinTheReceivedRange() throws IOException {
        portal.preload(List.of(
                dossier("H26.a-1", "20240301000000"),
                dossier("H26.A.1", "20240315120000"),
                dossier("H26.A-1", "20240331235959"),
                dossier("H26.B", "20240310000000"),
                dossier("H26.before", "20240229235959"),
                dossier("H26.after", "20240401000000")));

        assertThat(listAll(1))
                .containsExactly(List.of("H26.A-1"), List.of("H26.A.1"), List.of("H26.B"), List.of("H26.a-1"));
        assertThat(listAll(2)).containsExactly(List.of("H26.A-1", "H26.A.1"), List.of("H26.B", "H26.a-1"));
        assertThat(listAll(5000)).containsExactly(List.of("H26.A-1", "H26.A.1", "H26.B", "H26.a-1"));

        JsonNode page = client.answer(list(null, 2));
        assertThat(page.path("sau").asText()).isEqualTo("H26.A.1");
        assertThat(page.path("result").get(0).has("NgayDongBo")).isTrue();
        assertThat(page.path("result").get(0).has("NgayCapNhat")).isTrue();

        JsonNode last = client.answer(list("H26.B", 2));
        assertThat(last.path("sau").isNull()).isTrue();

        assertThat(client.answer(list(null, 5001)).path("error_code").asText()).isEqualTo("1");
        assertThat(client.answer(list(null, 0)).path("error_code").asText()).isEqualTo("1");
    }

    @Test
    void layDanhSachTthcListsTheCatalogue() throws IOException {
        JsonNode answer = client.answer(call(session, "LayDanhSachTTHC"));

        assertThat(answer.path("error_code").asText()).isEqualTo("0");
        JsonNode first = answer.path("result").get(0);
        assertThat(first.path("MaTTHC").asText()).isEqualTo("1.001612.000.00.00.H26");
        assertThat(first.path("TenTTHC").asText()).isEqualTo("Đăng ký khai sinh");
        assertThat(first.path("MaLinhVuc").asText()).isEqualTo("G01");
        assertThat(first.path("TenLinhVuc").asText()).isEqualTo("Hộ tịch");
        assertThat(first.path("CongKhai").asText()).isEqualTo("1");
        assertThat(first.path("NgayCongKhai").asText()).isEqualTo("20230701");
        JsonNode second = answer.path("result").get(1);
        assertThat(second.path("CongKhai").asText()).isEqualTo("0");
        assertThat(second.path("NgayCongKhai").isNull()).isTrue();

        portal.setCatalogue(List.of());
        JsonNode rejected = client.answer(sync("False", dossier("H26.c1")));
        assertThat(rejected.path("result").get(0).path("message").asText()).startsWith("MaTTHC");
    }

    @Test
    void preloadKeepsGivenSyncTimes() {
        ObjectNode old = dossier("H26.old").put("NgayDongBo", "20230101080000").put("NgayCapNhat", "20230102080000");
        portal.preload(List.of(old, dossier("H26.fresh")));

        assertThat(portal.dossier("H26.old").orElseThrow().path("NgayDongBo").asText())
                .isEqualTo("20230101080000");
        assertThat(portal.dossier("H26.old").orElseThrow().path("NgayCapNhat").asText())
                .isEqualTo("20230102080000");
        assertThat(portal.dossier("H26.fresh").orElseThrow().path("NgayDongBo").asText())
                .isEqualTo("20240501100000");
        assertThat(portal.writes("H26.old")).isZero();
    }

    /** Every page of the March 2024 list, as the codes on each page. */
    private List<List<String>> listAll(int pageSize) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = client.answer(list(after, pageSize));
            assertThat(page.path("error_code").asText()).isEqualTo("0");
            List<String> codes = new ArrayList<>();
            page.path("result").forEach(d -> codes.add(d.path("MaHoSo").asText()));
            pages.add(codes);
            after = page.path("sau").isNull() ? null : page.path("sau").asText();
            assertThat(pages).hasSizeLessThan(20);
        } while (after != null);
        return pages;
    }

    private ObjectNode list(String after, int pageSize) {
        ObjectNode request = call(session, "DanhSachHoSo")
                .put("tungay", "20240301000000")
                .put("denngay", "20240401000000")
                .put("sobanghi", pageSize);
        if (after != null) {
            request.put("sau", after);
        }
        return request;
    }

    private ObjectNode sync(String updating, ObjectNode... dossiers) {
        return withData(call(session, "DongBoHoSoMC").put("isUpdating", updating), dossiers);
    }

    private static ObjectNode withData(ObjectNode request, ObjectNode... items) {
        ArrayNode data = request.putArray("data");
        for (ObjectNode item : items) {
            data.add(item);
        }
        return request;
    }

    private static ObjectNode step(String maHoSo, String at) {
        return PortalCalls.MAPPER
                .createObjectNode()
                .put("MaHoSo", maHoSo)
                .put("NguoiXuLy", "Trần Thị Bình")
                .put("ChucDanh", "Chuyên viên")
                .put("PhongBanXuLy", "Bộ phận một cửa")
                .put("NoiDungXuLy", "Thẩm định hồ sơ")
                .put("TrangThai", "4")
                .put("ThoiDiemXuLy", at)
                .put("NgayBatDau", "20240115083000")
                .put("NgayKetThucTheoQuyDinh", "20240120170000");
    }

    private static List<String> itemCodes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.path("result").forEach(item -> codes.add(item.path("error_code").asText()));
        return codes;
    }
}
