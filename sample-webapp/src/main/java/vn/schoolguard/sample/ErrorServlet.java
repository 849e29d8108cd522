package vn.schoolguard.sample;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The page container errors (exceptions, 405, ...) end on, in Vietnamese and without stack traces. */
final class ErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/_error";

    private final transient Layout layout;

    ErrorServlet(Layout layout) {
        this.layout = layout;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        String body = status == HttpServletResponse.SC_NOT_FOUND
                ? NotFound.html(SiteText.PAGE_NOT_FOUND)
                : "<section class=\"message-page\">\n<h1>" + SiteText.ERROR_TITLE + "</h1>\n<p>" + SiteText.ERROR_TEXT
                        + " (mã lỗi " + status + ")</p>\n<p><a class=\"button\" href=\"/\">Về trang chủ</a></p>\n</section>\n";
        layout.write(response, status, status == HttpServletResponse.SC_NOT_FOUND ? SiteText.NOT_FOUND_TITLE : SiteText.ERROR_TITLE,
                Layout.Nav.NONE, body);
    }
}
