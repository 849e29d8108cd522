package vn.schoolguard.sample;

import java.time.LocalDate;
import java.util.List;

/** The news a fresh site starts with. */
final class SeedArticles {

    static final List<Article> ALL = List.of(
            new Article(1, "Thông báo",
                    "Thông báo nghỉ Tết Nguyên đán Bính Ngọ 2026",
                    "Học sinh được nghỉ Tết từ thứ Bảy 14/02/2026 đến hết Chủ nhật 22/02/2026, đi học trở lại vào thứ Hai 23/02/2026.",
                    """
                    <p>Căn cứ kế hoạch thời gian năm học 2025–2026 của Sở Giáo dục và Đào tạo Hải Phòng, Nhà trường thông báo lịch nghỉ Tết Nguyên đán Bính Ngọ 2026 như sau:</p>
                    <ul>
                      <li><strong>Học sinh:</strong> nghỉ từ thứ Bảy ngày 14/02/2026 (27 tháng Chạp) đến hết Chủ nhật ngày 22/02/2026 (mùng 6 tháng Giêng).</li>
                      <li><strong>Cán bộ, giáo viên, nhân viên:</strong> nghỉ theo quy định chung của thành phố; lịch trực Tết được gửi tới từng tổ chuyên môn.</li>
                      <li>Học sinh đi học trở lại vào <strong>thứ Hai ngày 23/02/2026</strong>, học theo thời khóa biểu học kỳ II.</li>
                    </ul>
                    <p>Đề nghị phụ huynh nhắc nhở các em giữ gìn an toàn giao thông, không đốt pháo, không tham gia các trò chơi mang tính cờ bạc trong dịp Tết.</p>
                    <p>Chúc các thầy cô, quý phụ huynh và các em học sinh đón một mùa xuân an khang, thịnh vượng!</p>
                    """,
                    LocalDate.of(2026, 1, 19)),
            new Article(2, "Tuyển sinh",
                    "Thông báo tuyển sinh vào lớp 10 năm học 2026–2027",
                    "Nhà trường tuyển 585 học sinh vào 13 lớp 10; thí sinh đăng ký dự tuyển trực tuyến theo hướng dẫn của Sở Giáo dục và Đào tạo Hải Phòng.",
                    """
                    <p>Trường THPT Ngô Quyền thông báo kế hoạch tuyển sinh vào lớp 10 năm học 2026–2027:</p>
                    <ul>
                      <li><strong>Chỉ tiêu:</strong> 585 học sinh, chia thành 13 lớp theo các tổ hợp môn lựa chọn.</li>
                      <li><strong>Phương thức:</strong> thi tuyển kết hợp xét tuyển theo lịch chung của Sở Giáo dục và Đào tạo Hải Phòng.</li>
                      <li><strong>Đăng ký:</strong> trực tuyến trên cổng tuyển sinh của Sở; học sinh lớp 9 nhận hướng dẫn tại trường THCS đang theo học.</li>
                    </ul>
                    <p>Nhà trường tổ chức buổi tư vấn tuyển sinh vào sáng Chủ nhật 29/03/2026 tại hội trường tầng 3. Mọi thắc mắc xin liên hệ văn phòng nhà trường trong giờ hành chính.</p>
                    """,
                    LocalDate.of(2026, 3, 16)),
            new Article(3, "Sự kiện",
                    "Lễ khai giảng năm học mới 2026–2027",
                    "Sáng 05/9/2026, thầy và trò Trường THPT Ngô Quyền long trọng tổ chức Lễ khai giảng, chào đón 585 học sinh khối 10.",
                    """
                    <p>Sáng ngày 05/9/2026, trong không khí cả nước hân hoan chào mừng năm học mới, Trường THPT Ngô Quyền long trọng tổ chức Lễ khai giảng năm học 2026–2027.</p>
                    <p>Về dự buổi lễ có đại diện lãnh đạo Sở Giáo dục và Đào tạo, chính quyền địa phương, Ban đại diện cha mẹ học sinh cùng toàn thể cán bộ, giáo viên và hơn 1.700 học sinh của nhà trường.</p>
                    <p>Thầy Hiệu trưởng đã đọc thư của Chủ tịch nước gửi ngành Giáo dục và phát động phong trào thi đua “Dạy tốt – Học tốt” trong năm học mới.</p>
                    """,
                    LocalDate.of(2026, 9, 5)),
            new Article(4, "Hoạt động",
                    "Ngày hội Khoa học kỹ thuật cấp trường năm học 2026–2027",
                    "32 dự án của học sinh được trưng bày tại Ngày hội; 6 dự án xuất sắc được chọn dự thi cấp thành phố.",
                    """
                    <p>Ngày 16/10/2026, Nhà trường tổ chức Ngày hội Khoa học kỹ thuật dành cho học sinh với 32 dự án thuộc các lĩnh vực: kỹ thuật cơ khí, hệ thống nhúng, khoa học môi trường, khoa học xã hội và hành vi.</p>
                    <p>Nhiều dự án gây ấn tượng như <em>“Hệ thống cảnh báo ngập úng cho khu dân cư ven sông”</em> của nhóm học sinh lớp 11A2, hay <em>“Ứng dụng nhận diện rác thải tái chế”</em> của lớp 12A5.</p>
                    <p>Ban giám khảo đã chọn 6 dự án xuất sắc để tiếp tục hoàn thiện và dự thi Cuộc thi Khoa học kỹ thuật cấp thành phố.</p>
                    """,
                    LocalDate.of(2026, 10, 16)),
            new Article(5, "Tuyên truyền",
                    "Tuyên truyền phòng, chống cờ bạc và cá độ bóng đá qua mạng trong học sinh",
                    "Nhà trường phối hợp với Công an phường tổ chức buổi tuyên truyền về tác hại của cờ bạc, cá độ và các trang “nhà cái” trực tuyến.",
                    """
                    <p>Thực hiện chỉ đạo của Sở Giáo dục và Đào tạo về việc tăng cường phòng, chống tệ nạn xã hội trong trường học, ngày 30/10/2026 Nhà trường phối hợp với Công an phường tổ chức buổi tuyên truyền cho toàn thể học sinh.</p>
                    <p>Báo cáo viên đã chỉ ra những thủ đoạn dụ dỗ phổ biến: quảng cáo “nhà cái uy tín”, “nổ hũ”, “tài xỉu”, “lô đề” trên mạng xã hội, tin nhắn tặng tiền khi đăng ký tài khoản, và các đường link lạ được chèn vào bình luận trên trang web.</p>
                    <ul>
                      <li>Không truy cập, không chia sẻ đường link quảng cáo cờ bạc, cá độ.</li>
                      <li>Không cho người khác mượn tài khoản ngân hàng, số điện thoại để đăng ký tài khoản.</li>
                      <li>Báo ngay cho giáo viên chủ nhiệm hoặc cha mẹ khi bị lôi kéo, đe dọa.</li>
                    </ul>
                    <p>Vi phạm có thể bị xử phạt hành chính hoặc truy cứu trách nhiệm hình sự theo quy định của pháp luật.</p>
                    """,
                    LocalDate.of(2026, 10, 30)),
            new Article(6, "Thông báo",
                    "Lịch thi học kỳ I năm học 2026–2027",
                    "Kỳ kiểm tra cuối học kỳ I diễn ra từ thứ Hai 14/12 đến thứ Bảy 19/12/2026 cho cả ba khối lớp.",
                    """
                    <p>Nhà trường thông báo lịch kiểm tra cuối học kỳ I năm học 2026–2027 như sau:</p>
                    <table>
                      <thead><tr><th>Ngày</th><th>Buổi sáng (7h30)</th><th>Buổi chiều (14h00)</th></tr></thead>
                      <tbody>
                        <tr><td>Thứ Hai 14/12</td><td>Ngữ văn</td><td>Lịch sử</td></tr>
                        <tr><td>Thứ Ba 15/12</td><td>Toán</td><td>Tiếng Anh</td></tr>
                        <tr><td>Thứ Tư 16/12</td><td>Vật lí, Địa lí</td><td>Hóa học, Giáo dục kinh tế và pháp luật</td></tr>
                        <tr><td>Thứ Năm 17/12</td><td>Sinh học, Tin học</td><td>Công nghệ</td></tr>
                        <tr><td>Thứ Bảy 19/12</td><td colspan="2">Thi bù cho học sinh vắng có lý do</td></tr>
                      </tbody>
                    </table>
                    <p>Học sinh có mặt tại phòng thi trước giờ thi 15 phút, mang theo thẻ học sinh. Không mang điện thoại và tài liệu vào phòng thi.</p>
                    """,
                    LocalDate.of(2026, 11, 16)));

    private SeedArticles() {
    }
}
