package vn.schoolguard.sample;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The guestbook: entries and the form ({@code GET /guestbook}), new entries ({@code POST /guestbook}). */
final class GuestbookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final FormField NAME = new FormField("name", "Họ và tên", true, 100);
    static final FormField MESSAGE = new FormField("message", "Lời nhắn", true, 2000);

    private final transient GuestbookStore guestbook;
    private final transient Layout layout;

    GuestbookServlet(GuestbookStore guestbook, Layout layout) {
        this.guestbook = guestbook;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        render(response, HttpServletResponse.SC_OK, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        FormCheck check = new FormCheck(request, NAME, MESSAGE);
        if (!check.valid()) {
            render(response, HttpServletResponse.SC_BAD_REQUEST, check);
            return;
        }
        try {
            guestbook.add(check.value(NAME), check.value(MESSAGE));
        } catch (SQLException e) {
            throw new ServletException("Saving a guestbook entry failed", e);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/guestbook");
    }

    private void render(HttpServletResponse response, int status, FormCheck check) throws ServletException, IOException {
        List<GuestbookEntry> entries;
        try {
            entries = guestbook.latest();
        } catch (SQLException e) {
            throw new ServletException("Reading the guestbook failed", e);
        }
        StringBuilder html = new StringBuilder(8192);
        html.append("""
                <section class="guestbook">
                <h1>Sổ lưu bút</h1>
                <p class="lead">Nơi cựu học sinh, phụ huynh và bạn đọc gửi lời chào, lời cảm ơn và góp ý tới thầy cô và nhà trường.</p>
                <h2>Viết lời nhắn</h2>
                """);
        if (layout.moderated()) {
            html.append("<p class=\"note\">").append(SiteText.MODERATION_NOTE).append("</p>\n");
        }
        if (check != null) {
            html.append(SiteText.errorList(check.errors()));
        }
        html.append(Layout.formStart("/guestbook", "guestbook-form"))
                .append(Layout.field(NAME, check == null ? "" : check.value(NAME), check != null && check.isInvalid(NAME), "text",
                        "Ví dụ: Nguyễn Văn An, cựu học sinh khóa 2010–2013."))
                .append(Layout.field(MESSAGE, check == null ? "" : check.value(MESSAGE), check != null && check.isInvalid(MESSAGE),
                        "textarea", ""))
                .append("<button type=\"submit\">Gửi lời nhắn</button>\n</form>\n");
        html.append("<h2>Lời nhắn gần đây</h2>\n");
        if (entries.isEmpty()) {
            html.append("<p class=\"empty\">Chưa có lời nhắn nào.</p>\n");
        } else {
            html.append("<ol class=\"entries\">\n");
            for (GuestbookEntry entry : entries) {
                html.append("<li class=\"entry\" id=\"loi-nhan-").append(entry.id()).append("\">\n<p class=\"who\"><strong>")
                        .append(Html.escape(entry.name())).append("</strong> ").append(Html.dateTime(entry.postedAt()))
                        .append("</p>\n<p class=\"message\">").append(Html.escape(entry.message())).append("</p>\n</li>\n");
            }
            html.append("</ol>\n");
        }
        html.append("</section>\n");
        String title = check == null ? "Sổ lưu bút" : SiteText.rejectedTitle(check.errors(), "Sổ lưu bút");
        layout.write(response, status, title, Layout.Nav.GUESTBOOK, html.toString());
    }
}
