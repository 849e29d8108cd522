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
            "nói không với", "không được", "cấm", "tránh xa", "sa vào", "sa đà", "bỏ học", "tan gia bại sản", "trộm cắp"),
    LEGAL("điều 321", "điều 322", "bộ luật hình sự", "nghị định", "thông tư", "luật", "khoản", "phạt tiền", "xử phạt",
            "hành chính", "tổ chức đánh bạc", "tội đánh bạc", "phạt tù", "truy cứu trách nhiệm hình sự", "tòa án", "xét xử",
            "viện kiểm sát", "quy định"),
    EXAM("câu hỏi", "câu 1", "câu 2", "câu 3", "trắc nghiệm", "đáp án", "hãy chọn", "chọn đáp án", "tình huống", "theo em",
            "em hãy", "vì sao", "tại sao", "bài tập", "đề kiểm tra", "giáo dục công dân", "gdcd", "phương án", "nhận định",
            "đúng hay sai", "giải thích", "bài học", "thảo luận", "phân tích", "nêu", "ý kiến", "hành vi nào", "bạn a"),
    REPORTED("em thấy", "con thấy", "có người", "ai đó", "bình luận", "trang web", "quảng cáo", "tin nhắn", "nhận được",
            "báo cáo", "phản ánh", "ghi là", "nói là", "mọi người", "đề nghị", "xóa", "gỡ bỏ", "admin", "nhà trường",
            "chặn", "spam", "cẩn thận", "đừng bấm", "không bấm", "đăng lên", "dưới bài", "mục bình luận", "thầy cô", "ban quản trị"),
    DISCUSSION("thanh thiếu niên", "học sinh", "tâm lý", "dụ dỗ", "lôi kéo", "hấp dẫn", "bẫy", "nghiện", "phụ huynh",
            "con em", "giáo viên", "lứa tuổi", "tò mò", "kỹ năng", "chia sẻ", "bài viết", "hiểu biết", "nhận thức"),
    BANK("stk", "số tài khoản", "tài khoản ngân hàng", "vietcombank", "techcombank", "mbbank", "mb bank", "agribank",
            "vietinbank", "bidv", "tpbank", "momo", "chuyển khoản", "ck", "ví điện tử", "thẻ cào", "nạp thẻ", "zalopay",
            "viettelpay", "usdt", "ví momo"),
    CHAT("telegram", "tele", "zalo", "whatsapp", "viber", "messenger", "inbox", "ib", "t me", "nhắn tin", "kết bạn",
            "add zalo", "kb zalo", "nhóm kín", "group kín", "kênh telegram", "discord", "vào nhóm", "vô nhóm", "join", "group",
            "nhóm vip", "box"),
    ACTION("đăng ký ngay", "truy cập", "vào ngay", "nhận ngay", "inbox", "liên hệ ngay", "click", "bấm vào", "tải app",
            "tham gia ngay", "vào nhóm", "nhóm vip", "chốt số", "dự đoán", "soi cầu", "bạch thủ", "xổ số", "xsmb", "cầu đẹp",
            "kết quả xổ số", "dàn đề", "miễn phí", "link", "nạp",
            "rút", "thưởng", "hoàn trả", "cược", "kèo", "uy tín");

    private final List<String> phrases;

    Cue(String... phrases) {
        this.phrases = List.of(phrases);
    }

    List<String> phrases() {
        return phrases;
    }
}
