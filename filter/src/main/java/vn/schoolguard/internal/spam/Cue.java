package vn.schoolguard.internal.spam;

import java.util.List;

/**
 * Wording that tells what kind of text this is rather than what it sells: warnings, legal citations, exam
 * questions, reported speech, bank details, calls to action. Found in the same automaton scan as the rule
 * phrases (folded word forms); each cue is a feature of the model, never a score of its own.
 */
enum Cue {
    WARNING("cảnh báo", "cảnh giác", "phòng chống", "phòng, chống", "nghiêm cấm", "không tham gia", "tố giác", "trình báo",
            "lừa đảo", "bị bắt", "khởi tố", "triệt phá", "đường dây", "đánh bạc", "bị can", "tuyên truyền", "tác hại",
            "hậu quả", "tệ nạn", "nạn nhân", "mất tiền", "nợ nần", "công an", "vi phạm", "bắt quả tang", "xử lý nghiêm",
            "nói không với", "không được", "cấm cá độ", "cấm đánh bạc", "bị cấm", "tránh xa", "sa vào", "sa đà", "bỏ học", "tan gia bại sản", "trộm cắp",
            "không để con", "đừng để con", "không cho con", "không để các em", "tuyệt đối không", "lãi cắt cổ", "tín dụng đen",
            "bắt giữ", "tạm giữ", "tạm giam", "vụ bắt", "điều tra", "bắt nhóm", "bắt đối tượng",
            // A call for punishment is a view on gambling, not an ad ("nên phạt nặng mấy người ghi đề").
            "phạt nặng", "bị phạt", "nên phạt", "xử nặng", "cần xử lý",
            // A teacher's reminder and what it tells pupils not to do ("cô nhắc các em… đừng tham gia nhóm kèo").
            "nhắc các em", "đừng tham gia", "đừng đặt", "đừng chuyển", "đừng bao giờ", "đừng ham", "bị dụ", "bị kéo vào",
            "ổ cá độ", "lan truyền", "mạo danh", "nói chuyện với con",
            // The same reminder typed as a chat message, to parents or between them ("Cô nhắc các PH…", "mn để ý con nhé").
            "nhắc phụ huynh", "nhắc các ph", "cô nhắc", "nhắc các con", "nhắc nhau", "dặn con", "để ý con", "cẩn thận nha",
            "kiểm tra điện thoại", "điện thoại của con", "điện thoại con", "coi điện thoại", "xem điện thoại",
            "trò chuyện với con", "giật điện thoại", "lừa lấy", "lừa tiền", "đừng vô", "đừng nghe",
            // A case told as news or from a statement, and what happened to someone who was lured ("con tui cũng từng bị
            // rủ vô… Bắt là đúng rồi"); and the same in an English class.
            "bị rủ", "bắt là đúng", "nợ cá độ", "theo lời khai", "khai nhận", "lừa đảo chiếm đoạt", "bị lừa khi", "warning",
            "illegal"),
    LEGAL("điều 321", "điều 322", "bộ luật hình sự", "nghị định", "thông tư", "luật", "khoản 1", "khoản 2", "phạt tiền", "xử phạt",
            "hành chính", "tổ chức đánh bạc", "tội đánh bạc", "phạt tù", "truy cứu trách nhiệm hình sự", "tòa án", "xét xử",
            "viện kiểm sát", "quy định", "trái phép", "bất hợp pháp", "bị cáo", "cáo trạng", "phiên tòa", "vụ án"),
    EXAM("câu hỏi", "câu 1", "câu 2", "câu 3", "trắc nghiệm", "đáp án", "hãy chọn", "chọn đáp án", "tình huống", "theo em",
            "em hãy", "vì sao", "tại sao", "bài tập", "đề kiểm tra", "giáo dục công dân", "gdcd", "phương án", "nhận định",
            "đúng hay sai", "giải thích", "bài học", "thảo luận", "phân tích", "hãy nêu", "ý kiến", "hành vi nào", "bạn a đã",
            "bạn a có", "sắm vai", "tiểu phẩm", "nên trả lời", "nên làm gì", "sẽ làm gì", "xử lý thế nào", "ứng xử", "thế nào",
            // An English lesson's exercise ("Writing task (English 9): … warning him about an online betting advert").
            "role-play", "work in pairs", "speaking", "writing task", "exercise", "translate", "student a", "lesson",
            "vocabulary", "fill in the blanks", "underline"),
    REPORTED("em thấy", "con thấy", "có người", "ai đó", "bình luận", "trang web", "quảng cáo", "tin nhắn", "nhận được",
            "báo cáo", "phản ánh", "ghi là", "nói là", "mọi người", "đề nghị", "xóa", "gỡ bỏ", "admin", "nhà trường",
            "chặn", "spam", "cẩn thận", "đừng bấm", "không bấm", "đăng lên", "dưới bài", "mục bình luận", "thầy cô", "ban quản trị",
            // What was done with an ad found, and news read and retold ("Em đã gỡ xuống…", "Quê tui cũng có vụ y chang").
            "gỡ xuống", "nộp cho thầy", "tờ quảng cáo", "đọc báo", "cũng có vụ", "tin ni",
            // Asking what a link or a group someone shared is ("cái group … là gì vậy, có ai biết không?").
            "là gì vậy", "là sao ạ", "có ai biết không", "cái này là gì"),
    DISCUSSION("thanh thiếu niên", "học sinh", "tâm lý", "dụ dỗ", "lôi kéo", "hấp dẫn", "bẫy", "nghiện", "phụ huynh",
            "con em", "giáo viên", "lứa tuổi", "tò mò", "kỹ năng", "chia sẻ", "bài viết", "hiểu biết", "nhận thức",
            // An opinion offered as one ("tôi nghĩ…", "theo tôi…"), in the forms of every region and age ("tui nghĩ").
            "tôi nghĩ", "theo tôi", "mình nghĩ", "theo mình thấy", "em nghĩ", "tui nghĩ", "theo tui", "con nghĩ",
            "cháu nghĩ", "tớ nghĩ", "theo tớ"),
    BANK("stk", "số tài khoản", "tài khoản ngân hàng", "vietcombank", "techcombank", "mbbank", "mb bank", "agribank",
            "vietinbank", "bidv", "tpbank", "momo", "chuyển khoản", "ck", "ví điện tử", "thẻ cào", "nạp thẻ", "zalopay",
            "viettelpay", "usdt", "ví momo"),
    /** A code to scan, the link an ad puts in its picture ("quét mã QR trong ảnh để nhận quà"). */
    QR("quét mã qr", "quét qr", "quét mã", "mã qr trong ảnh", "qr trong ảnh", "qr trong hình", "mã qr đính kèm",
            "mã qr bên dưới", "mã qr trên tờ rơi"),
    CHAT("telegram", "tele", "zalo", "whatsapp", "viber", "messenger", "inbox", "ib", "t me", "nhắn tin", "kết bạn",
            "add zalo", "kb zalo", "nhóm kín", "group kín", "kênh telegram", "discord", "vào nhóm", "vô nhóm", "join", "group",
            "nhóm vip", "box", "nhắn admin", "inbox admin", "liên hệ admin", "kéo vào nhóm", "kéo vô nhóm", "mình kéo",
            "em kéo", "cmt", "để lại sđt", "lấy link"),
    ACTION("đăng ký ngay", "truy cập", "vào ngay", "nhận ngay", "inbox", "liên hệ ngay", "click", "bấm vào", "tải app",
            "tham gia ngay", "vào nhóm", "nhóm vip", "chốt số", "dự đoán", "soi cầu", "bạch thủ", "xổ số", "xsmb", "cầu đẹp",
            "kết quả xổ số", "dàn đề", "miễn phí", "link", "nạp",
            "rút", "thưởng", "hoàn trả", "cược", "kèo", "uy tín"),
    /**
     * An offer made to the reader on terms, or a call to deal with the poster: money in (deposit, borrow, sign
     * up), money out (withdraw, payout, bonus, loan paid out), an app or web to play on, "contact me", a search to
     * run. Folded, "đăng ký tại" (sign up at) is also "đăng ký tài khoản" (an account, as warnings describe the ads):
     * it is not among them; an ad that says where to sign up names the place, a target of its own.
     */
    OFFER("liên hệ mình", "liên hệ em", "lh mình", "nhắn mình", "nhắn em", "ib mình", "ib em", "inbox mình", "ai cần",
            "để lại bình luận", "vào xem", "xem ngay", "chơi ngay", "cược ngay", "chơi được", "chơi thử", "anh em theo",
            "ae theo", "anh em vào", "ae vào", "nạp đầu", "nạp lần đầu", "khi nạp", "nạp từ", "nạp tiền", "rút tiền",
            "rút về", "rút ngay", "tặng tiền", "nhận ngay", "nhận thưởng", "thưởng nạp", "hoàn trả", "hoàn tiền",
            "cược miễn phí", "tiền thưởng", "giftcode", "code đổi thưởng", "mã thưởng", "trả thưởng", "tỷ lệ đổi",
            "vay ngay", "cho vay", "hỗ trợ vay", "giải ngân", "hạn mức", "không cần chứng minh", "không cần thế chấp",
            "lãi suất thấp", "lãi nhẹ", "lãi thấp", "nhận tiền", "tiền về tài khoản", "vay qua app", "vay tiền qua app", "chơi trực tiếp trên web",
            "tải app", "tải ứng dụng", "link tải", "đăng ký ngay", "đăng ký nhận", "tuyển ctv",
            "tuyển cộng tác viên", "thưởng tân thủ", "tân thủ", "số lượng có hạn", "nhanh nhất", "uy tín nhất",
            "gửi miễn phí", "người đầu tiên", "nạp bằng", "nạp gấp", "cần nạp", "nạp game", "nạp nhà cái", "vay tín chấp",
            "trả góp", "nợ xấu", "vay nhanh", "vay gấp", "vay tiêu dùng", "vay online", "hồ sơ đơn giản", "xoay vốn",
            "cần vốn", "gỡ vốn", "tuyển nhân viên", "tuyển đại lý", "hoa hồng", "lương cao", "việc nhẹ", "part-time",
            "trả lương", "chiết khấu", "đổi thưởng", "đổi ra thẻ", "tiền mặt", "tỷ lệ nổ", "1 ăn", "có kèo",
            "kèo cho anh em", "cược trong trận", "thử ngay", "tặng 20k", "tặng 50k", "tặng 100k", "được tặng",
            "hoàn lại", "làm nhiệm vụ", "nạp nhiệm vụ", "người mới", "thành viên vip", "thành viên mới", "cược thua hoàn",
            "đăng ký là có", "thử đi", "thử xem", "theo mình", "chỉ cho",
            // Stakes and payouts offered to the reader ("cược từ 10k", "thắng ăn gấp đôi", "vào tiền gà xám").
            "cược từ", "cược chỉ từ", "cược tối thiểu", "cược nhanh", "đặt cược", "đặt kèo", "vào tiền", "nạp rút",
            "thắng ăn", "ăn gấp", "tham gia là", "vô chơi", "vào chơi", "dzô chơi", "vô coi", "dzô coi",
            // Where the link is when the text has none ("link ở bình luận dưới 👇").
            "link ở bình luận", "link ở comment", "link ở phần mô tả", "link ở đầu trang", "link đăng ký", "link bên dưới",
            "link dưới", "link trong bio", "link ghim", "link ở cmt", "liên hệ để", "liên hệ nhận"),
    /**
     * A search to run: the name an ad gives instead of a link ("tìm trên google 'Kèo Thơm Sài Gòn' là ra", "vào
     * Facebook tìm nhóm 'Anh Em Cày Kèo'"). It sends the reader somewhere as a link does.
     */
    SEARCH("tìm trên google", "tìm google", "lên google tìm", "lên google gõ", "gõ google", "search google", "google search",
            "tìm trên gg", "lên gg", "search gg", "lên facebook tìm", "vào facebook tìm", "tìm trên facebook", "lên face tìm",
            "tìm trên face", "lên fb tìm", "tìm trên fb", "lên youtube tìm", "vào youtube tìm", "tìm trên youtube",
            "lên tiktok tìm", "tìm trên tiktok", "tìm trên zalo", "lên zalo tìm", "tìm nhóm", "tìm kênh", "tìm fanpage"),
    /**
     * Warning words turned into reassurance ("không lừa đảo", "không lo công an"): ads use them, warnings do not.
     * Each offsets one warning word when deciding whether a text warns.
     */
    REASSURANCE("không lừa đảo", "không lo công an", "không sợ công an", "không lo bị bắt", "không lo gian lận",
            "an toàn tuyệt đối", "uy tín đã kiểm chứng",
            // Praise of a game's fairness: the words run on into "tuyệt đối không…" once the comma is gone.
            "minh bạch tuyệt đối", "uy tín tuyệt đối", "chính xác tuyệt đối");

    private final List<String> phrases;

    Cue(String... phrases) {
        this.phrases = List.of(phrases);
    }

    List<String> phrases() {
        return phrases;
    }

    /** Whether this wording frames a text as a warning, a citation, a question or a report of what others wrote. */
    boolean frames() {
        return this == WARNING || this == LEGAL || this == EXAM || this == REPORTED || this == DISCUSSION;
    }
}
