package vn.schoolguard.sample;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Article pages ({@code GET /news/{id}}) and their comment form ({@code POST /news/{id}/comments}). */
final class NewsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final FormField AUTHOR = new FormField("author", "Họ và tên", true, 100);
    static final FormField EMAIL = new FormField("email", "Thư điện tử", false, 200);
    static final FormField CONTENT = new FormField("content", "Nội dung bình luận", true, 5000);

    private static final Pattern ARTICLE = Pattern.compile("/([1-9][0-9]{0,17})");
    private static final Pattern COMMENTS = Pattern.compile("/([1-9][0-9]{0,17})/comments");

    private final transient NewsStore news;
    private final transient Layout layout;

    NewsServlet(NewsStore news, Layout layout) {
        this.news = news;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<Article> article = find(ARTICLE, request);
        if (article.isEmpty()) {
            notFound(response);
            return;
        }
        render(response, HttpServletResponse.SC_OK, article.get(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<Article> article = find(COMMENTS, request);
        if (article.isEmpty()) {
            notFound(response);
            return;
        }
        FormCheck check = new FormCheck(request, AUTHOR, EMAIL, CONTENT).email(EMAIL);
        if (!check.valid()) {
            render(response, HttpServletResponse.SC_BAD_REQUEST, article.get(), check);
            return;
        }
        try {
            // Stored as HTML on purpose: SchoolGuard has sanitized it by the time it reaches the app.
            news.addComment(article.get().id(), check.value(AUTHOR), check.value(EMAIL), check.value(CONTENT));
        } catch (SQLException e) {
            throw new ServletException("Saving a comment failed", e);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/news/" + article.get().id() + "#binh-luan");
    }

    private Optional<Article> find(Pattern shape, HttpServletRequest request) throws ServletException {
        String pathInfo = request.getPathInfo();
        Matcher matcher = shape.matcher(pathInfo == null ? "" : pathInfo);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return news.article(Long.parseLong(matcher.group(1)));
        } catch (SQLException e) {
            throw new ServletException("Reading an article failed", e);
        }
    }

    private void notFound(HttpServletResponse response) throws IOException {
        layout.write(response, HttpServletResponse.SC_NOT_FOUND, SiteText.NOT_FOUND_TITLE, Layout.Nav.NONE,
                NotFound.html(SiteText.ARTICLE_NOT_FOUND));
    }

    /** The article with its comments and the form; {@code check} carries a rejected post to show again. */
    private void render(HttpServletResponse response, int status, Article article, FormCheck check)
            throws ServletException, IOException {
        List<Comment> comments;
        try {
            comments = news.comments(article.id());
        } catch (SQLException e) {
            throw new ServletException("Reading comments failed", e);
        }
        StringBuilder html = new StringBuilder(8192);
        html.append("<nav class=\"breadcrumb\" aria-label=\"Vị trí\"><a href=\"/\">Trang chủ</a> › <a href=\"/#tin-tuc\">Tin tức</a> › ")
                .append(Html.escape(article.category())).append("</nav>\n<article class=\"article\">\n<h1>")
                .append(Html.escape(article.title())).append("</h1>\n<p class=\"meta\"><span class=\"tag\">")
                .append(Html.escape(article.category())).append("</span> Ngày đăng: ").append(Html.date(article.publishedOn()))
                .append("</p>\n<p class=\"lead\">").append(Html.escape(article.summary())).append("</p>\n<div class=\"body\">\n")
                .append(article.bodyHtml()).append("</div>\n</article>\n");

        html.append("<section class=\"comments\" id=\"binh-luan\" aria-labelledby=\"binh-luan-heading\">\n<h2 id=\"binh-luan-heading\">")
                .append(SiteText.commentCount(comments.size())).append("</h2>\n");
        if (comments.isEmpty()) {
            html.append("<p class=\"empty\">Chưa có bình luận nào cho bài viết này.</p>\n");
        } else {
            html.append("<ol class=\"comment-list\">\n");
            for (Comment comment : comments) {
                html.append("<li class=\"comment\" id=\"binh-luan-").append(comment.id()).append("\">\n<p class=\"who\"><strong>")
                        .append(Html.escape(comment.author())).append("</strong> ").append(Html.dateTime(comment.postedAt()))
                        // Rendered as HTML: behind SchoolGuard this was sanitized before it was stored. Without
                        // the filter (--no-guard, for benchmarks only) it is not, and must never face the public.
                        .append("</p>\n<div class=\"content\">").append(comment.contentHtml()).append("</div>\n</li>\n");
            }
            html.append("</ol>\n");
        }

        html.append("<h3>Gửi bình luận</h3>\n");
        if (layout.moderated()) {
            html.append("<p class=\"note\">").append(SiteText.MODERATION_NOTE).append("</p>\n");
        }
        if (check != null) {
            html.append(SiteText.errorList(check.errors()));
        }
        html.append(Layout.formStart("/news/" + article.id() + "/comments", "comment-form"))
                .append(Layout.field(AUTHOR, check == null ? "" : check.value(AUTHOR), check != null && check.isInvalid(AUTHOR), "text", ""))
                .append(Layout.field(EMAIL, check == null ? "" : check.value(EMAIL), check != null && check.isInvalid(EMAIL), "email",
                        "Không hiển thị công khai; chỉ dùng khi nhà trường cần liên hệ lại."))
                .append(Layout.field(CONTENT, check == null ? "" : check.value(CONTENT), check != null && check.isInvalid(CONTENT), "textarea",
                        "Có thể dùng thẻ HTML đơn giản: &lt;b&gt;, &lt;i&gt;, &lt;a&gt;, &lt;p&gt;."))
                .append("<button type=\"submit\">Gửi bình luận</button>\n</form>\n</section>\n");
        String title = check == null ? article.title() : SiteText.rejectedTitle(check.errors(), article.title());
        layout.write(response, status, title, Layout.Nav.NEWS, html.toString());
    }
}
