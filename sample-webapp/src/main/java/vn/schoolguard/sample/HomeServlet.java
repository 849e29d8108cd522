package vn.schoolguard.sample;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The home page with the news list; as the default servlet it also answers unknown paths with 404. */
final class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient NewsStore news;
    private final transient Layout layout;

    HomeServlet(NewsStore news, Layout layout) {
        this.news = news;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/") && !path.isEmpty()) {
            layout.write(response, HttpServletResponse.SC_NOT_FOUND, SiteText.NOT_FOUND_TITLE, Layout.Nav.NONE,
                    NotFound.html(SiteText.PAGE_NOT_FOUND));
            return;
        }
        List<Article> articles;
        try {
            articles = news.articles();
        } catch (SQLException e) {
            throw new ServletException("Reading the news list failed", e);
        }
        layout.write(response, HttpServletResponse.SC_OK, "Trang chủ", Layout.Nav.HOME, render(articles));
    }

    private static String render(List<Article> articles) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <div class="columns">
                <section class="news" id="tin-tuc" aria-labelledby="tin-tuc-heading">
                <h1 id="tin-tuc-heading">Tin tức – Thông báo</h1>
                """);
        for (Article article : articles) {
            String href = "/news/" + article.id();
            html.append("<article class=\"news-item\">\n<h2><a href=\"").append(href).append("\">")
                    .append(Html.escape(article.title())).append("</a></h2>\n<p class=\"meta\"><span class=\"tag\">")
                    .append(Html.escape(article.category())).append("</span> ").append(Html.date(article.publishedOn()))
                    .append("</p>\n<p>").append(Html.escape(article.summary())).append("</p>\n<p><a class=\"more\" href=\"")
                    .append(href).append("\" aria-label=\"Xem tiếp: ").append(Html.escape(article.title()))
                    .append("\">Xem tiếp »</a></p>\n</article>\n");
        }
        html.append("""
                </section>
                <aside class="sidebar" aria-label="Thông tin nhanh">
                <section class="box">
                <h2>Thông tin nhanh</h2>
                <ul>
                <li>Năm học 2026–2027: 39 lớp, hơn 1.700 học sinh</li>
                <li>Đường dây nóng: <a href="tel:+842253847123">0225 3847 123</a></li>
                <li>Tiếp phụ huynh: sáng thứ Bảy, phòng Hội đồng</li>
                </ul>
                </section>
                <section class="box">
                <h2>Sổ lưu bút</h2>
                <p>Cựu học sinh, phụ huynh và bạn đọc có thể gửi lời nhắn tới thầy cô và nhà trường.</p>
                <p><a class="button" href="/guestbook">Viết lời nhắn</a></p>
                </section>
                </aside>
                </div>
                """);
        return html.toString();
    }
}
