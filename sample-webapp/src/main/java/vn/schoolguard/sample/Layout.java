package vn.schoolguard.sample;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Year;

import jakarta.servlet.http.HttpServletResponse;

/** The page shell every page shares: header with navigation, main content, footer with contact details. */
final class Layout {

    /** Top navigation entries; the current one is marked for screen readers. */
    enum Nav {
        HOME("/", "Trang chủ"),
        NEWS("/#tin-tuc", "Tin tức"),
        GUESTBOOK("/guestbook", "Sổ lưu bút"),
        CONTACT("#lien-he", "Liên hệ"),
        NONE("", "");

        final String href;
        final String label;

        Nav(String href, String label) {
            this.href = href;
            this.label = label;
        }
    }

    private final Clock clock;
    private final boolean moderated;

    Layout(Clock clock, boolean moderated) {
        this.clock = clock;
        this.moderated = moderated;
    }

    /** Whether posts go through SchoolGuard's moderation queue before they show. */
    boolean moderated() {
        return moderated;
    }

    /** Writes a whole page with the given status. */
    void write(HttpServletResponse response, int status, String title, Nav current, String mainHtml) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        PrintWriter out = response.getWriter();
        out.write(page(title, current, mainHtml));
    }

    String page(String title, Nav current, String mainHtml) {
        StringBuilder html = new StringBuilder(8192);
        html.append("""
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""").append(Html.escape(title)).append(" – ").append(SiteText.SCHOOL).append("""
                </title>
                <meta name="description" content="Cổng thông tin điện tử Trường THPT Ngô Quyền, thành phố Hải Phòng">
                <link rel="stylesheet" href="/static/site.css">
                </head>
                <body>
                <a class="skip" href="#noi-dung">Bỏ qua phần điều hướng</a>
                <header class="site-header">
                  <div class="wrap brand-row">
                    <a class="brand" href="/">
                      <span class="emblem" aria-hidden="true">NQ</span>
                      <span class="brand-text">
                        <span class="dept">Sở Giáo dục và Đào tạo Hải Phòng</span>
                        <span class="school">Trường THPT Ngô Quyền</span>
                        <span class="motto">Kỷ cương – Tình thương – Trách nhiệm</span>
                      </span>
                    </a>
                  </div>
                  <nav class="main-nav" aria-label="Điều hướng chính">
                    <ul class="wrap">
                """);
        for (Nav nav : Nav.values()) {
            if (nav == Nav.NONE) {
                continue;
            }
            html.append("      <li><a href=\"").append(nav.href).append('"')
                    .append(nav == current ? " aria-current=\"page\"" : "")
                    .append('>').append(nav.label).append("</a></li>\n");
        }
        html.append("""
                    </ul>
                  </nav>
                </header>
                <main id="noi-dung" class="wrap">
                """);
        html.append(mainHtml);
        html.append("""
                </main>
                <footer class="site-footer" id="lien-he">
                  <div class="wrap footer-grid">
                    <section>
                      <h2>Trường THPT Ngô Quyền – Hải Phòng</h2>
                      <p>Địa chỉ: Số 12 đường Lạch Tray, quận Ngô Quyền, thành phố Hải Phòng</p>
                      <p>Điện thoại: <a href="tel:+842253847123">0225 3847 123</a> – Fax: 0225 3847 124</p>
                      <p>Thư điện tử: <a href="mailto:c3ngoquyen@haiphong.edu.vn">c3ngoquyen@haiphong.edu.vn</a></p>
                    </section>
                    <section>
                      <h2>Giờ làm việc</h2>
                      <p>Văn phòng: 7h00 – 17h00, thứ Hai đến thứ Sáu</p>
                      <p>Sáng thứ Bảy: tiếp phụ huynh theo lịch hẹn</p>
                    </section>
                    <section>
                      <h2>Đơn vị chủ quản</h2>
                      <p>Sở Giáo dục và Đào tạo Hải Phòng</p>
                      <p>Chịu trách nhiệm nội dung: Hiệu trưởng nhà trường</p>
                    </section>
                  </div>
                  <p class="wrap copyright">©\s""").append(Year.now(clock)).append("""
                 Trường THPT Ngô Quyền. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>
                </footer>
                </body>
                </html>
                """);
        return html.toString();
    }

    /** A text input or textarea with its label, the visitor's value and the field's problem, if any. */
    static String field(FormField field, String value, boolean invalid, String type, String hint) {
        String id = "f-" + field.name();
        StringBuilder html = new StringBuilder("<div class=\"field\">\n<label for=\"").append(id).append("\">")
                .append(Html.escape(field.label()))
                .append(field.required() ? " <span class=\"req\" aria-hidden=\"true\">*</span>" : "")
                .append("</label>\n");
        String common = " id=\"" + id + "\" name=\"" + field.name() + "\" maxlength=\"" + field.maxChars() + "\""
                + (field.required() ? " required" : "") + (invalid ? " aria-invalid=\"true\"" : "");
        if (type.equals("textarea")) {
            html.append("<textarea").append(common).append(" rows=\"5\">").append(Html.escape(value)).append("</textarea>\n");
        } else {
            html.append("<input type=\"").append(type).append('"').append(common)
                    .append(" value=\"").append(Html.escape(value)).append("\">\n");
        }
        if (!hint.isEmpty()) {
            html.append("<p class=\"hint\">").append(hint).append("</p>\n");
        }
        return html.append("</div>\n").toString();
    }

    /** The opening tag every visitor form uses, so the browser always sends UTF-8. */
    static String formStart(String action, String extraClass) {
        return "<form class=\"post-form " + extraClass + "\" method=\"post\" action=\"" + Html.escape(action)
                + "\" accept-charset=\"UTF-8\" enctype=\"application/x-www-form-urlencoded\">\n";
    }
}
