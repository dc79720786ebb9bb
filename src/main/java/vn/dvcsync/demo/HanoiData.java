package vn.dvcsync.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed reference data of the demo city: Hà Nội's departments, its 30 districts and towns with some of
 * their communes and wards (population in thousands, for the share of dossiers), fields (lĩnh vực) with
 * their procedures, and the names people carry. Agency codes follow one scheme: a department or a district
 * is {@code 000.00.NN.H26} (departments 01–18, districts 31–60), a commune {@code 000.CC.NN.H26} under its
 * district {@code NN}.
 */
final class HanoiData {

    private HanoiData() {}

    static final String PROVINCE = "H26";

    record Department(int number, String name) {}

    record District(int number, String kind, String name, int population, List<Commune> communes) {}

    record Commune(String kind, String name) {}

    /** A field and its procedures; {@code profile}: C citizens, B businesses, M mixed, O organisations. */
    record Field(String code, String name, int department, char profile, String[] offices, List<Proc> procedures) {}

    /**
     * @param level   T province (a department), H district, X commune
     * @param days    working days allowed (0: the same day)
     * @param weight  relative number of dossiers a year
     * @param profile who applies, or ' ' for the field's profile
     */
    record Proc(char level, int days, boolean fee, double weight, char profile, String name) {}

    static final List<Department> DEPARTMENTS = List.of(
            new Department(1, "Sở Nội vụ"),
            new Department(2, "Sở Ngoại vụ"),
            new Department(3, "Sở Kế hoạch và Đầu tư"),
            new Department(4, "Sở Tư pháp"),
            new Department(5, "Sở Tài chính"),
            new Department(6, "Sở Công Thương"),
            new Department(7, "Sở Xây dựng"),
            new Department(8, "Sở Giao thông vận tải"),
            new Department(9, "Sở Tài nguyên và Môi trường"),
            new Department(10, "Sở Nông nghiệp và Phát triển nông thôn"),
            new Department(11, "Sở Lao động - Thương binh và Xã hội"),
            new Department(12, "Sở Y tế"),
            new Department(13, "Sở Giáo dục và Đào tạo"),
            new Department(14, "Sở Văn hóa và Thể thao"),
            new Department(15, "Sở Du lịch"),
            new Department(16, "Sở Thông tin và Truyền thông"),
            new Department(17, "Sở Khoa học và Công nghệ"),
            new Department(18, "Sở Quy hoạch - Kiến trúc"));

    /** District lines: number|kind|name|population (thousands)|communes (a leading "xã "/"thị trấn " overrides the kind). */
    private static final String DISTRICTS = """
            31|quận|Ba Đình|226|Phúc Xá,Trúc Bạch,Vĩnh Phúc,Cống Vị,Liễu Giai,Ngọc Hà,Kim Mã
            32|quận|Hoàn Kiếm|135|Hàng Bạc,Hàng Gai,Hàng Trống,Tràng Tiền,Phan Chu Trinh
            33|quận|Tây Hồ|160|Phú Thượng,Nhật Tân,Quảng An,Xuân La,Bưởi,Thụy Khuê
            34|quận|Long Biên|322|Thượng Thanh,Ngọc Thụy,Đức Giang,Việt Hưng,Bồ Đề,Sài Đồng,Thạch Bàn
            35|quận|Cầu Giấy|292|Nghĩa Đô,Nghĩa Tân,Mai Dịch,Dịch Vọng,Quan Hoa,Yên Hòa,Trung Hòa
            36|quận|Đống Đa|371|Cát Linh,Văn Miếu,Láng Thượng,Ô Chợ Dừa,Khâm Thiên,Trung Liệt,Kim Liên,Phương Mai
            37|quận|Hai Bà Trưng|303|Bạch Đằng,Lê Đại Hành,Phố Huế,Thanh Nhàn,Bách Khoa,Vĩnh Tuy,Minh Khai
            38|quận|Hoàng Mai|506|Vĩnh Hưng,Định Công,Tương Mai,Đại Kim,Giáp Bát,Lĩnh Nam,Hoàng Liệt,Yên Sở
            39|quận|Thanh Xuân|293|Nhân Chính,Thượng Đình,Khương Trung,Khương Mai,Hạ Đình,Kim Giang
            40|quận|Nam Từ Liêm|264|Cầu Diễn,Xuân Phương,Mỹ Đình 1,Mỹ Đình 2,Mễ Trì,Trung Văn
            41|quận|Bắc Từ Liêm|333|Thượng Cát,Đông Ngạc,Xuân Đỉnh,Cổ Nhuế 1,Cổ Nhuế 2,Phú Diễn
            42|quận|Hà Đông|382|Nguyễn Trãi,Mộ Lao,Văn Quán,Vạn Phúc,La Khê,Phú Lãm,Dương Nội,Kiến Hưng
            43|thị xã|Sơn Tây|146|Lê Lợi,Phú Thịnh,Quang Trung,Trung Hưng,xã Đường Lâm,xã Cổ Đông
            44|huyện|Sóc Sơn|349|thị trấn Sóc Sơn,Minh Trí,Trung Giã,Phù Linh,Tiên Dược,Mai Đình,Phù Lỗ
            45|huyện|Đông Anh|381|thị trấn Đông Anh,Uy Nỗ,Cổ Loa,Kim Chung,Hải Bối,Vân Nội,Xuân Canh
            46|huyện|Gia Lâm|292|thị trấn Trâu Quỳ,thị trấn Yên Viên,Ninh Hiệp,Đa Tốn,Bát Tràng,Kiêu Kỵ
            47|huyện|Thanh Trì|254|thị trấn Văn Điển,Tân Triều,Thanh Liệt,Tam Hiệp,Ngũ Hiệp,Ngọc Hồi
            48|huyện|Mê Linh|241|thị trấn Chi Đông,thị trấn Quang Minh,Tiền Phong,Mê Linh,Tráng Việt
            49|huyện|Ba Vì|305|thị trấn Tây Đằng,Tản Lĩnh,Ba Trại,Cam Thượng,Vân Hòa,Phú Cường
            50|huyện|Phúc Thọ|185|thị trấn Phúc Thọ,Võng Xuyên,Hát Môn,Long Xuyên,Tam Hiệp
            51|huyện|Đan Phượng|163|thị trấn Phùng,Tân Hội,Liên Hà,Thượng Mỗ,Đan Phượng
            52|huyện|Hoài Đức|276|thị trấn Trạm Trôi,Kim Chung,An Khánh,Vân Canh,Sơn Đồng,Đức Thượng
            53|huyện|Quốc Oai|202|thị trấn Quốc Oai,Sài Sơn,Phượng Cách,Ngọc Liệp,Thạch Thán
            54|huyện|Thạch Thất|210|thị trấn Liên Quan,Bình Yên,Thạch Hòa,Phùng Xá,Hữu Bằng
            55|huyện|Chương Mỹ|347|thị trấn Chúc Sơn,thị trấn Xuân Mai,Phụng Châu,Thủy Xuân Tiên,Đại Yên,Ngọc Hòa
            56|huyện|Thanh Oai|210|thị trấn Kim Bài,Cự Khê,Bích Hòa,Tam Hưng,Thanh Cao
            57|huyện|Thường Tín|256|thị trấn Thường Tín,Ninh Sở,Nhị Khê,Vân Tảo,Hà Hồi,Tô Hiệu
            58|huyện|Phú Xuyên|208|thị trấn Phú Xuyên,thị trấn Phú Minh,Phượng Dực,Chuyên Mỹ,Đại Xuyên
            59|huyện|Ứng Hòa|211|thị trấn Vân Đình,Viên An,Hòa Lâm,Phương Tú,Đại Hùng
            60|huyện|Mỹ Đức|196|thị trấn Đại Nghĩa,Hương Sơn,An Mỹ,Phùng Xá,Tuy Lai
            """;

    static final List<District> DISTRICT_LIST = parseDistricts();

    /**
     * Fields and procedures. "F|code|name|department|profile|office at province;district;commune" starts a field,
     * "P|level|days|fee|weight|profile or -|name" adds a procedure to it.
     */
    private static final String PROCEDURES = """
            F|TP-HT|Hộ tịch|4|C|Phòng Hành chính tư pháp;Phòng Tư pháp;Công chức Tư pháp - Hộ tịch
            P|X|0|0|60|-|Đăng ký khai sinh
            P|X|1|0|14|-|Đăng ký kết hôn
            P|X|0|0|9|-|Đăng ký khai tử
            P|X|3|0|2|-|Đăng ký nhận cha, mẹ, con
            P|X|3|0|1|-|Đăng ký khai sinh kết hợp nhận cha, mẹ, con
            P|X|5|0|2|-|Đăng ký lại khai sinh
            P|X|5|0|0.5|-|Đăng ký lại kết hôn
            P|X|5|0|0.3|-|Đăng ký lại khai tử
            P|X|3|0|0.5|-|Đăng ký giám hộ
            P|X|2|0|0.2|-|Đăng ký chấm dứt giám hộ
            P|X|3|0|4|-|Thay đổi, cải chính, bổ sung thông tin hộ tịch
            P|X|3|0|20|-|Cấp Giấy xác nhận tình trạng hôn nhân
            P|X|0|1|15|-|Cấp bản sao Trích lục hộ tịch
            P|X|5|0|0.1|-|Đăng ký khai sinh lưu động
            P|X|5|0|0.1|-|Đăng ký kết hôn lưu động
            P|X|5|0|10|-|Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi
            P|X|5|0|3|-|Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, hỗ trợ chi phí mai táng
            P|H|3|1|1|-|Đăng ký khai sinh có yếu tố nước ngoài
            P|H|10|1|1.5|-|Đăng ký kết hôn có yếu tố nước ngoài
            P|H|3|0|0.2|-|Đăng ký khai tử có yếu tố nước ngoài
            P|H|10|1|0.2|-|Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài
            P|H|3|1|0.8|-|Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc
            P|H|5|1|0.5|-|Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài
            P|H|5|1|0.4|-|Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài
            P|H|10|1|0.1|-|Đăng ký lại khai sinh có yếu tố nước ngoài
            F|TP-CT|Chứng thực|4|C|Phòng Bổ trợ tư pháp;Phòng Tư pháp;Công chức Tư pháp - Hộ tịch
            P|X|0|1|120|-|Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận
            P|X|0|1|25|-|Chứng thực chữ ký trong các giấy tờ, văn bản
            P|X|2|1|8|-|Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở
            P|X|2|1|1|-|Chứng thực di chúc
            P|X|2|1|0.5|-|Chứng thực văn bản từ chối nhận di sản
            P|X|2|1|1|-|Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở
            P|X|2|1|0.5|-|Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch
            P|X|0|1|1|-|Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực
            P|H|0|1|6|-|Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận
            P|H|0|1|4|-|Chứng thực chữ ký người dịch là cộng tác viên dịch thuật của Phòng Tư pháp
            P|H|0|1|2|-|Chứng thực chữ ký trong các giấy tờ, văn bản bằng tiếng nước ngoài
            P|H|2|1|0.3|-|Chứng thực việc sửa lỗi sai sót trong hợp đồng, giao dịch
            F|TP-LLTP|Lý lịch tư pháp|4|C|Phòng Lý lịch tư pháp;Phòng Tư pháp;Công chức Tư pháp - Hộ tịch
            P|T|10|1|25|-|Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam
            P|T|10|0|0.5|O|Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng
            P|T|10|0|0.3|O|Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội
            F|TP-BTTP|Bổ trợ tư pháp|4|O|Phòng Bổ trợ tư pháp;Phòng Tư pháp;Công chức Tư pháp - Hộ tịch
            P|T|10|1|0.3|C|Đăng ký hành nghề và cấp Thẻ công chứng viên
            P|T|20|0|0.1|-|Thành lập Văn phòng công chứng
            P|T|10|1|0.1|-|Đăng ký hoạt động Văn phòng công chứng
            P|T|10|1|0.1|-|Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng
            P|T|10|1|0.2|-|Đăng ký hoạt động của tổ chức hành nghề luật sư
            P|T|7|1|0.1|C|Đăng ký hành nghề luật sư với tư cách cá nhân
            P|T|5|0|0.2|C|Cấp thẻ đấu giá viên
            P|T|20|0|0.1|C|Xác nhận có quốc tịch Việt Nam
            P|T|20|0|0.1|C|Xác nhận là người gốc Việt Nam
            F|KH-DN|Thành lập và hoạt động của doanh nghiệp|3|B|Phòng Đăng ký kinh doanh;Phòng Tài chính - Kế hoạch;Công chức Văn phòng - Thống kê
            P|T|3|1|10|-|Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên
            P|T|3|1|4|-|Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên
            P|T|3|1|5|-|Đăng ký thành lập công ty cổ phần
            P|T|3|1|0.6|-|Đăng ký thành lập doanh nghiệp tư nhân
            P|T|3|1|5|-|Đăng ký thay đổi người đại diện theo pháp luật của công ty
            P|T|3|1|4|-|Đăng ký thay đổi vốn điều lệ, thay đổi tỷ lệ vốn góp
            P|T|3|1|5|-|Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp
            P|T|3|1|1.5|-|Đăng ký đổi tên doanh nghiệp
            P|T|3|0|5|-|Thông báo thay đổi ngành, nghề kinh doanh
            P|T|3|1|4|-|Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh
            P|T|3|0|4|-|Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo
            P|T|5|0|1.5|-|Giải thể doanh nghiệp
            P|T|3|1|0.5|-|Cấp lại Giấy chứng nhận đăng ký doanh nghiệp
            P|T|3|1|0.3|-|Chuyển đổi công ty trách nhiệm hữu hạn một thành viên thành công ty cổ phần
            P|T|3|0|0.5|-|Thông báo thay đổi thông tin cổ đông sáng lập công ty cổ phần chưa niêm yết
            P|T|3|0|0.3|-|Hiệu đính thông tin đăng ký doanh nghiệp
            F|KH-HKD|Thành lập và hoạt động của hộ kinh doanh|3|C|Phòng Đăng ký kinh doanh;Phòng Tài chính - Kế hoạch;Công chức Văn phòng - Thống kê
            P|H|3|1|12|-|Đăng ký thành lập hộ kinh doanh
            P|H|3|1|4|-|Đăng ký thay đổi nội dung đăng ký hộ kinh doanh
            P|H|3|0|2|-|Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh
            P|H|3|0|3|-|Chấm dứt hoạt động hộ kinh doanh
            P|H|3|1|0.4|-|Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh
            F|KH-HTX|Thành lập và hoạt động của hợp tác xã|3|O|Phòng Đăng ký kinh doanh;Phòng Tài chính - Kế hoạch;Công chức Văn phòng - Thống kê
            P|H|5|1|0.3|-|Đăng ký thành lập hợp tác xã
            P|H|5|1|0.3|-|Đăng ký thay đổi tên, địa chỉ trụ sở chính, ngành, nghề sản xuất, kinh doanh, vốn điều lệ, người đại diện theo pháp luật của hợp tác xã
            P|H|5|0|0.05|-|Giải thể tự nguyện hợp tác xã
            F|KH-DT|Đầu tư tại Việt Nam|3|B|Phòng Đầu tư;Phòng Tài chính - Kế hoạch;Công chức Văn phòng - Thống kê
            P|T|35|0|0.3|-|Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh
            P|T|15|0|1|-|Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư
            P|T|10|0|1|-|Điều chỉnh Giấy chứng nhận đăng ký đầu tư
            P|T|15|0|1.5|-|Đăng ký góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài
            P|T|15|0|0.1|-|Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC
            P|T|15|0|0.2|-|Chấm dứt hoạt động dự án đầu tư
            F|XD-HDXD|Hoạt động xây dựng|7|M|Phòng Cấp phép xây dựng;Phòng Quản lý đô thị;Công chức Địa chính - Xây dựng
            P|H|15|1|10|C|Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ
            P|H|15|1|2|C|Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ
            P|H|15|0|0.5|C|Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ
            P|H|5|0|0.5|C|Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ
            P|H|5|0|0.2|C|Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ
            P|H|15|1|0.05|C|Cấp giấy phép di dời đối với nhà ở riêng lẻ
            P|T|20|1|0.8|B|Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II
            P|T|20|0|0.2|B|Điều chỉnh giấy phép xây dựng đối với công trình cấp I, cấp II
            P|T|25|1|0.5|B|Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng
            P|T|25|1|0.5|B|Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở
            P|T|20|1|2|C|Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III
            P|T|20|1|1|B|Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III
            P|T|20|0|0.5|B|Kiểm tra công tác nghiệm thu hoàn thành công trình
            F|XD-NO|Nhà ở|7|C|Phòng Quản lý nhà;Phòng Quản lý đô thị;Công chức Địa chính - Xây dựng
            P|T|30|0|0.1|-|Thuê nhà ở công vụ
            P|T|30|1|0.3|-|Bán nhà ở cũ thuộc tài sản công
            P|T|30|0|0.1|B|Thẩm định giá bán, thuê mua, thuê nhà ở xã hội do chủ đầu tư xây dựng
            P|X|7|0|1|-|Xác nhận điều kiện về nhà ở, thu nhập để được mua, thuê mua nhà ở xã hội
            F|QH-KT|Quy hoạch - Kiến trúc|18|M|Phòng Quản lý quy hoạch;Phòng Quản lý đô thị;Công chức Địa chính - Xây dựng
            P|T|20|0|0.3|B|Cấp giấy phép quy hoạch dự án đầu tư xây dựng
            P|T|7|1|2|-|Cung cấp thông tin về quy hoạch xây dựng
            P|T|25|0|0.2|B|Thẩm định nhiệm vụ, đồ án quy hoạch chi tiết
            P|T|15|0|0.3|B|Chấp thuận tổng mặt bằng và phương án kiến trúc công trình
            P|T|20|1|0.3|C|Cấp chứng chỉ hành nghề kiến trúc
            P|H|7|0|1|-|Cung cấp thông tin về quy hoạch xây dựng thuộc thẩm quyền của Ủy ban nhân dân cấp huyện
            F|TN-DD|Đất đai|9|M|Phòng Quản lý đất đai;Phòng Tài nguyên và Môi trường;Công chức Địa chính - Xây dựng
            P|H|30|1|5|C|Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu
            P|H|10|1|10|-|Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho
            P|H|10|1|3|C|Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do thừa kế
            P|H|1|1|8|-|Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất
            P|H|1|0|5|-|Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất
            P|H|7|1|2|C|Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất
            P|H|10|1|0.5|C|Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất
            P|H|15|1|2|C|Tách thửa hoặc hợp thửa đất
            P|H|15|1|1|C|Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân
            P|H|10|0|0.5|C|Đính chính Giấy chứng nhận đã cấp
            P|H|7|0|0.3|C|Gia hạn sử dụng đất nông nghiệp của hộ gia đình, cá nhân
            P|H|10|1|1|C|Đăng ký biến động do thay đổi thông tin về người được cấp Giấy chứng nhận
            P|H|3|1|3|-|Cung cấp thông tin, dữ liệu đất đai
            P|X|10|0|1|C|Xác nhận nguồn gốc, thời điểm sử dụng đất
            P|X|45|0|0.5|C|Hòa giải tranh chấp đất đai
            P|T|20|1|0.3|B|Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất
            P|T|20|1|0.5|B|Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho tổ chức
            P|T|10|1|0.8|B|Đăng ký biến động đất đai đối với tổ chức
            P|T|20|0|0.05|B|Thu hồi đất do người sử dụng đất tự nguyện trả lại đất
            F|TN-MT|Môi trường|9|B|Phòng Quản lý môi trường;Phòng Tài nguyên và Môi trường;Công chức Địa chính - Xây dựng
            P|T|30|1|0.5|-|Cấp giấy phép môi trường
            P|T|25|1|0.3|-|Thẩm định báo cáo đánh giá tác động môi trường
            P|X|0|0|0.5|-|Đăng ký môi trường
            P|T|30|1|0.2|-|Cấp giấy phép khai thác, sử dụng nước dưới đất
            P|T|30|1|0.1|-|Cấp giấy phép xả nước thải vào nguồn nước
            P|T|90|1|0.02|-|Cấp giấy phép khai thác khoáng sản
            F|GT-DB|Đường bộ|8|C|Phòng Quản lý phương tiện và người lái;Phòng Quản lý đô thị;Công chức Địa chính - Xây dựng
            P|T|5|1|30|-|Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp
            P|T|10|1|5|-|Cấp lại giấy phép lái xe
            P|T|5|1|3|-|Cấp giấy phép lái xe quốc tế
            P|T|5|1|1|B|Cấp giấy phép kinh doanh vận tải bằng xe ô tô
            P|T|2|0|4|B|Cấp phù hiệu xe ô tô kinh doanh vận tải
            P|T|2|0|1|B|Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ
            P|T|7|0|0.8|B|Cấp giấy phép thi công công trình trên đường bộ đang khai thác
            P|T|3|1|0.3|M|Đăng ký, cấp biển số xe máy chuyên dùng lần đầu
            P|T|10|0|0.2|B|Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ
            P|T|3|1|0.2|M|Đăng ký phương tiện thủy nội địa lần đầu
            F|LD-VL|Việc làm|11|C|Phòng Việc làm - An toàn lao động;Phòng Lao động - Thương binh và Xã hội;Công chức Văn hóa - Xã hội
            P|T|5|1|3|B|Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam
            P|T|5|1|0.5|B|Cấp lại giấy phép lao động cho người lao động nước ngoài
            P|T|5|1|1|B|Gia hạn giấy phép lao động cho người lao động nước ngoài
            P|T|5|0|0.5|B|Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động
            P|T|20|0|15|-|Giải quyết hưởng trợ cấp thất nghiệp
            P|T|3|0|1|-|Tạm dừng hưởng trợ cấp thất nghiệp
            P|T|3|0|1.5|-|Chấm dứt hưởng trợ cấp thất nghiệp
            P|T|20|0|0.3|-|Hỗ trợ học nghề cho người lao động đang hưởng trợ cấp thất nghiệp
            P|T|10|0|0.1|O|Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp
            F|LD-NCC|Người có công|11|C|Phòng Người có công;Phòng Lao động - Thương binh và Xã hội;Công chức Văn hóa - Xã hội
            P|H|12|0|0.3|-|Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
            P|H|10|0|0.3|-|Giải quyết chế độ mai táng phí đối với cựu chiến binh
            P|X|12|0|0.5|-|Giải quyết chế độ ưu đãi đối với người có công với cách mạng từ trần
            P|T|20|0|0.2|-|Cấp giấy xác nhận thân nhân liệt sĩ
            F|LD-BTXH|Bảo trợ xã hội|11|C|Phòng Bảo trợ xã hội;Phòng Lao động - Thương binh và Xã hội;Công chức Văn hóa - Xã hội
            P|H|22|0|4|-|Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng
            P|H|5|0|1.5|-|Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
            P|H|10|0|0.2|-|Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở
            P|X|25|0|1.5|-|Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật
            P|X|5|0|1|-|Đổi, cấp lại Giấy xác nhận khuyết tật
            P|X|15|0|0.5|-|Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm
            F|YT|Y tế|12|B|Phòng Nghiệp vụ Y;Phòng Y tế;Công chức Văn hóa - Xã hội
            P|T|30|1|1.5|C|Cấp giấy phép hành nghề khám bệnh, chữa bệnh
            P|T|20|1|0.3|C|Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh
            P|T|45|1|0.5|-|Cấp giấy phép hoạt động đối với phòng khám chuyên khoa
            P|T|20|1|1.5|C|Cấp Chứng chỉ hành nghề dược
            P|T|30|1|1.2|-|Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược
            P|T|20|1|1.5|-|Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm do Sở Y tế quản lý
            P|T|7|1|0.3|-|Đăng ký bản công bố sản phẩm dinh dưỡng y học
            P|T|10|1|0.5|-|Xác nhận nội dung quảng cáo thực phẩm
            P|T|30|1|0.2|-|Cấp giấy phép hoạt động đối với cơ sở dịch vụ thẩm mỹ
            P|H|20|1|1|M|Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống
            F|GD|Giáo dục và Đào tạo|13|C|Phòng Quản lý thi và Kiểm định chất lượng;Phòng Giáo dục và Đào tạo;Công chức Văn hóa - Xã hội
            P|T|3|1|2|-|Cấp bản sao văn bằng, chứng chỉ từ sổ gốc
            P|T|5|0|0.3|-|Chỉnh sửa nội dung văn bằng, chứng chỉ
            P|T|20|0|0.5|-|Công nhận văn bằng tốt nghiệp do cơ sở giáo dục nước ngoài cấp
            P|T|15|0|0.3|B|Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục
            P|T|15|0|0.2|B|Cấp phép hoạt động giáo dục kỹ năng sống và hoạt động giáo dục ngoài giờ chính khóa
            P|H|3|0|2|-|Chuyển trường đối với học sinh trung học cơ sở
            P|H|20|0|0.3|B|Cho phép trường mầm non tư thục hoạt động giáo dục
            P|X|20|0|0.2|B|Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục
            F|CT|Công Thương|6|B|Phòng Quản lý thương mại;Phòng Kinh tế;Công chức Văn phòng - Thống kê
            P|T|15|1|0.3|-|Cấp Giấy phép bán buôn rượu
            P|T|30|1|0.3|-|Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài thực hiện hoạt động mua bán hàng hóa
            P|T|15|1|0.2|-|Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu
            P|T|5|0|4|-|Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi
            P|T|7|0|0.5|-|Đăng ký tổ chức hội chợ, triển lãm thương mại
            P|T|20|1|0.5|-|Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc lĩnh vực Công Thương
            P|H|10|1|1|M|Cấp Giấy phép bán lẻ rượu
            P|H|10|1|0.5|M|Cấp Giấy phép bán lẻ sản phẩm thuốc lá
            P|H|10|1|0.1|M|Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh
            F|NN|Nông nghiệp|10|M|Phòng Trồng trọt và Bảo vệ thực vật;Phòng Kinh tế;Công chức Địa chính - Nông nghiệp
            P|T|15|1|0.5|B|Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản
            P|T|15|1|0.3|-|Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật
            P|T|15|1|0.3|-|Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón
            P|T|10|1|0.3|B|Cấp Giấy chứng nhận đủ điều kiện vệ sinh thú y
            P|H|20|0|0.1|O|Phê duyệt dự án, phương án liên kết trong sản xuất và tiêu thụ sản phẩm nông nghiệp
            P|X|10|0|0.1|C|Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh
            F|VH|Văn hóa và Thể thao|14|B|Phòng Quản lý văn hóa;Phòng Văn hóa và Thông tin;Công chức Văn hóa - Xã hội
            P|T|5|0|0.8|-|Tổ chức biểu diễn nghệ thuật trên địa bàn quản lý
            P|T|15|0|0.1|O|Đăng ký tổ chức lễ hội cấp tỉnh
            P|T|7|1|0.6|-|Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao
            P|H|5|1|0.4|-|Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke
            P|X|5|0|0.1|C|Xét tặng danh hiệu Gia đình văn hóa hằng năm
            P|X|5|0|0.1|O|Thông báo tổ chức lễ hội cấp xã
            F|DL|Du lịch|15|B|Phòng Quản lý lữ hành;Phòng Văn hóa và Thông tin;Công chức Văn hóa - Xã hội
            P|T|15|1|0.8|C|Cấp thẻ hướng dẫn viên du lịch quốc tế
            P|T|15|1|0.4|C|Cấp thẻ hướng dẫn viên du lịch nội địa
            P|T|10|1|0.5|C|Cấp đổi thẻ hướng dẫn viên du lịch
            P|T|10|1|0.3|-|Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa
            P|T|30|1|0.2|-|Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao
            F|TTTT|Thông tin và Truyền thông|16|O|Phòng Báo chí - Xuất bản;Phòng Văn hóa và Thông tin;Công chức Văn hóa - Xã hội
            P|T|15|0|0.3|-|Cấp giấy phép xuất bản bản tin
            P|T|10|0|0.1|B|Cấp giấy phép hoạt động in
            P|T|10|0|0.2|B|Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp
            P|T|5|0|0.4|-|Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh
            P|H|5|0|0.2|B|Cấp Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng
            F|NV|Nội vụ|1|O|Phòng Tổ chức phi chính phủ;Phòng Nội vụ;Công chức Văn phòng - Thống kê
            P|T|30|0|0.1|-|Phê duyệt điều lệ hội
            P|T|30|0|0.05|-|Công nhận ban vận động thành lập hội
            P|T|15|0|0.05|-|Cấp giấy phép thành lập và công nhận điều lệ quỹ
            P|T|20|0|0.5|-|Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh
            P|H|20|0|0.5|-|Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện
            P|X|15|0|0.3|-|Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã
            P|X|15|0|0.1|-|Đăng ký hoạt động tín ngưỡng
            F|TC|Tài chính|5|O|Phòng Tin học và Thống kê;Phòng Tài chính - Kế hoạch;Công chức Tài chính - Kế toán
            P|T|2|0|1.5|-|Đăng ký mã số đơn vị có quan hệ với ngân sách
            P|T|20|0|0.3|-|Thẩm tra, phê duyệt quyết toán dự án hoàn thành sử dụng vốn đầu tư công
            P|H|20|0|0.2|-|Quyết toán dự án hoàn thành thuộc ngân sách cấp huyện
            F|KHCN|Khoa học và Công nghệ|17|B|Phòng Quản lý công nghệ;Phòng Kinh tế;Công chức Văn phòng - Thống kê
            P|T|15|0|0.1|O|Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ
            P|T|7|0|0.05|-|Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ
            P|T|15|1|0.3|-|Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế
            P|T|15|1|0.05|-|Đăng ký chuyển giao công nghệ
            F|NGV|Ngoại vụ|2|O|Phòng Lãnh sự;Phòng Nội vụ;Công chức Văn phòng - Thống kê
            P|T|15|0|0.2|-|Cho phép tổ chức hội nghị, hội thảo quốc tế
            P|T|10|0|0.8|C|Cho phép sử dụng thẻ đi lại của doanh nhân APEC
            P|T|5|0|0.2|C|Cho phép cán bộ, công chức đi nước ngoài vì việc riêng
            """;

    static final List<Field> FIELDS = parseFields();

    static final String[] SURNAMES = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Phan", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Đinh", "Đào",
        "Trịnh", "Lương", "Mai", "Tạ", "Cao", "Lưu", "Kiều", "Chu", "Phùng", "Tô", "Hà", "Nghiêm", "Khúc", "Quách",
        "Lý", "Hồ"
    };
    /** Relative frequency of each surname above. */
    static final double[] SURNAME_WEIGHTS = {
        36, 11, 9.5, 7, 5, 4.5, 4, 2.2, 2, 1.5, 1.4, 1.2, 1, 1, 0.9, 0.8, 0.8, 0.5, 0.6, 0.4, 0.4, 0.4, 0.4, 0.4, 0.5,
        0.3, 0.2, 0.2, 0.4, 0.8
    };

    static final String[] MALE_MIDDLE = {
        "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thành", "Mạnh", "Tuấn", "Ngọc", "Anh", "Trung", "Hoàng",
        "Duy", "Việt", "Thanh", "Quốc", "Đình", "Bá", "Tiến", "Hải"
    };
    static final String[] FEMALE_MIDDLE = {
        "Thị",
        "Thị",
        "Thị",
        "Thu",
        "Thanh",
        "Ngọc",
        "Minh",
        "Thùy",
        "Phương",
        "Hồng",
        "Khánh",
        "Bích",
        "Diệu",
        "Hải",
        "Mai",
        "Kim",
        "Thị Thu",
        "Thị Thanh",
        "Thị Ngọc",
        "Thị Minh"
    };
    static final String[] MALE_GIVEN = {
        "An", "Anh", "Bách", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Dương", "Đạt", "Đức", "Giang",
        "Hải", "Hào", "Hiếu", "Hiển", "Hòa", "Hoàng", "Hùng", "Huy", "Hưng", "Khải", "Khang", "Khánh", "Khoa", "Kiên",
        "Lâm", "Long", "Lộc", "Luân", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quân", "Quang", "Quý",
        "Sơn", "Tài", "Tâm", "Thái", "Thắng", "Thành", "Thịnh", "Tiến", "Toàn", "Trung", "Trường", "Tú", "Tuấn", "Tùng",
        "Việt", "Vinh", "Vũ", "Hậu"
    };
    static final String[] FEMALE_GIVEN = {
        "An", "Anh", "Bích", "Chi", "Dung", "Diệp", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ",
        "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Ly", "Mai", "Minh", "My", "Nga", "Ngân", "Ngọc", "Nhung",
        "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thanh", "Thơm", "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên",
        "Vân", "Vy", "Yến", "Hậu"
    };
    /** Given names a clerk or a registry easily writes as the other of the pair (the diacritics differ). */
    static final String[][] CONFUSED_GIVEN = {
        {"Hùng", "Hưng"},
        {"Hương", "Hường"},
        {"Thủy", "Thùy"},
        {"Tùng", "Tụng"},
        {"Lâm", "Lam"},
        {"Thắng", "Thăng"},
        {"Tuấn", "Tuân"},
        {"Hằng", "Hạnh"},
        {"Linh", "Lĩnh"},
        {"Ngân", "Ngần"},
        {"Thảo", "Thao"},
        {"Vân", "Văn"},
        {"Đạt", "Đat"}
    };

    static final String[] STREETS = {
        "Hoàng Hoa Thám",
        "Đội Cấn",
        "Kim Mã",
        "Láng Hạ",
        "Nguyễn Chí Thanh",
        "Giải Phóng",
        "Trường Chinh",
        "Tây Sơn",
        "Xã Đàn",
        "Cầu Giấy",
        "Xuân Thủy",
        "Hồ Tùng Mậu",
        "Nguyễn Trãi",
        "Lê Văn Lương",
        "Tố Hữu",
        "Phạm Văn Đồng",
        "Nguyễn Văn Cừ",
        "Ngọc Lâm",
        "Minh Khai",
        "Bạch Mai",
        "Lò Đúc",
        "Bà Triệu",
        "Lạc Long Quân",
        "Âu Cơ",
        "Thụy Khuê",
        "Kim Ngưu",
        "Tam Trinh",
        "Lĩnh Nam",
        "Khương Đình",
        "Quang Trung",
        "Nguyễn Văn Linh",
        "Trần Duy Hưng",
        "Hoàng Quốc Việt",
        "Nguyễn Lương Bằng",
        "Thái Hà",
        "Chùa Bộc",
        "Phố Vọng",
        "Trần Khát Chân",
        "Đê La Thành",
        "Văn Cao"
    };

    static final String[] ENTERPRISE_FORMS = {
        "Công ty TNHH", "Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Doanh nghiệp tư nhân"
    };
    static final String[] ENTERPRISE_TRADES = {
        "Thương mại và Dịch vụ",
        "Đầu tư Xây dựng",
        "Công nghệ",
        "Xuất nhập khẩu",
        "Vận tải",
        "Thực phẩm",
        "Dược phẩm",
        "Giáo dục",
        "Du lịch",
        "Tư vấn Thiết kế",
        "Bất động sản",
        "May mặc",
        "Cơ khí",
        "Nội thất",
        "Truyền thông",
        "Phần mềm"
    };
    static final String[] ENTERPRISE_BRANDS = {
        "Hoàng Long",
        "Minh Phát",
        "An Khang",
        "Sao Việt",
        "Hà Thành",
        "Thăng Long",
        "Đại Việt",
        "Phú Gia",
        "Tân Phát",
        "Việt Hưng",
        "Kim Ngân",
        "Bảo An",
        "Nam Á",
        "Trường Thành",
        "Hưng Thịnh",
        "Thiên Phú",
        "Hồng Hà",
        "Long Biên",
        "Ánh Dương",
        "Phương Đông",
        "Hòa Bình",
        "Đông Đô",
        "Tràng An",
        "Sông Hồng",
        "Ba Đình",
        "Kinh Bắc",
        "Hải Nam",
        "Thành Công",
        "Quang Minh",
        "Vạn Xuân"
    };
    static final String[] ORGANISATIONS = {
        "Trường Tiểu học",
        "Trường Trung học cơ sở",
        "Trường Mầm non",
        "Hợp tác xã Nông nghiệp",
        "Hội Cựu chiến binh",
        "Hội Liên hiệp Phụ nữ",
        "Trạm Y tế",
        "Ban Quản lý dự án",
        "Trung tâm Văn hóa - Thể thao",
        "Hội Người cao tuổi"
    };

    static final String[] SUPPLEMENT_REASONS = {
        "thiếu bản sao giấy tờ tùy thân",
        "thiếu văn bản ủy quyền",
        "tờ khai chưa đủ chữ ký",
        "thông tin trong tờ khai chưa khớp với giấy tờ",
        "thiếu giấy xác nhận của cơ quan có thẩm quyền",
        "ảnh chưa đúng quy cách"
    };
    static final String[] PARTNER_AGENCIES = {
        "Chi cục Thuế", "Công an", "Bảo hiểm xã hội", "Văn phòng đăng ký đất đai", "Sở Tài chính"
    };

    /** A given name that does not repeat the last word of the middle name. */
    static String givenName(Rng rng, boolean female, String middle) {
        String[] names = female ? FEMALE_GIVEN : MALE_GIVEN;
        String given;
        do {
            given = rng.pick(names);
        } while (middle.endsWith(given));
        return given;
    }

    private static List<District> parseDistricts() {
        List<District> out = new ArrayList<>();
        for (String line : DISTRICTS.strip().split("\n")) {
            String[] p = line.strip().split("\\|");
            String kind = p[1];
            String defaultKind = kind.equals("huyện") ? "xã" : "phường";
            List<Commune> communes = new ArrayList<>();
            for (String c : p[4].split(",")) {
                if (c.startsWith("thị trấn ")) {
                    communes.add(new Commune("thị trấn", c.substring("thị trấn ".length())));
                } else if (c.startsWith("xã ")) {
                    communes.add(new Commune("xã", c.substring("xã ".length())));
                } else {
                    communes.add(new Commune(defaultKind, c));
                }
            }
            out.add(new District(Integer.parseInt(p[0]), kind, p[2], Integer.parseInt(p[3]), List.copyOf(communes)));
        }
        return List.copyOf(out);
    }

    private static List<Field> parseFields() {
        List<Field> out = new ArrayList<>();
        String[] head = null;
        List<Proc> procs = null;
        for (String line : PROCEDURES.strip().split("\n")) {
            String[] p = line.strip().split("\\|");
            if (p[0].equals("F")) {
                if (head != null) {
                    out.add(field(head, procs));
                }
                head = p;
                procs = new ArrayList<>();
            } else {
                procs.add(new Proc(
                        p[1].charAt(0),
                        Integer.parseInt(p[2]),
                        p[3].equals("1"),
                        Double.parseDouble(p[4]),
                        p[5].equals("-") ? ' ' : p[5].charAt(0),
                        p[6]));
            }
        }
        out.add(field(head, procs));
        return List.copyOf(out);
    }

    private static Field field(String[] p, List<Proc> procs) {
        return new Field(p[1], p[2], Integer.parseInt(p[3]), p[4].charAt(0), p[5].split(";"), List.copyOf(procs));
    }
}
