package vn.schoolguard.sample;

import java.util.List;

/** Every sentence the site shows that is built from parts, kept in one place. */
final class SiteText {

    static final String SCHOOL = "Trường THPT Ngô Quyền";
    static final String SCHOOL_CITY = "Trường THPT Ngô Quyền – Hải Phòng";
    static final String DEPARTMENT = "Sở Giáo dục và Đào tạo Hải Phòng";

    static final String CHECK_FORM = "Vui lòng kiểm tra lại thông tin:";
    static final String NOT_FOUND_TITLE = "Không tìm thấy trang";
    static final String ARTICLE_NOT_FOUND = "Bài viết bạn tìm không tồn tại hoặc đã được gỡ bỏ.";
    static final String PAGE_NOT_FOUND = "Trang bạn tìm không tồn tại. Có thể đường dẫn đã bị gõ sai hoặc trang đã được chuyển đi.";
    static final String ERROR_TITLE = "Đã có lỗi xảy ra";
    static final String ERROR_TEXT = "Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.";
    static final String MODERATION_NOTE = "Nội dung gửi lên sẽ được ban biên tập xem xét trước khi hiển thị.";

    private SiteText() {
    }

    /** "Please enter your full name." — the label is lower-cased into the sentence. */
    static String required(String label) {
        return "Vui lòng nhập " + label.toLowerCase(java.util.Locale.forLanguageTag("vi")) + ".";
    }

    static String tooLong(String label, int max, int actual) {
        return label + " dài quá " + max + " ký tự cho phép (hiện có " + actual + " ký tự).";
    }

    static String badEmail(String label) {
        return label + " không đúng định dạng, ví dụ: ten@example.com.";
    }

    /**
     * Title of a page that turns a post down. The problems come first because SchoolGuard quotes the start
     * of the page text to moderators when an approved post is refused on replay.
     */
    static String rejectedTitle(List<String> errors, String pageTitle) {
        return "Chưa gửi được: " + String.join(" ", errors) + " – " + pageTitle;
    }

    static String commentCount(int count) {
        return count == 0 ? "Bình luận" : "Bình luận (" + count + ")";
    }

    static String errorList(List<String> errors) {
        StringBuilder html = new StringBuilder("<div class=\"alert\" role=\"alert\"><p>")
                .append(CHECK_FORM).append("</p><ul>");
        for (String error : errors) {
            html.append("<li>").append(Html.escape(error)).append("</li>");
        }
        return html.append("</ul></div>").toString();
    }
}
