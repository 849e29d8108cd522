package vn.schoolguard.sample;

/** The body of the site's 404 page. */
final class NotFound {

    private NotFound() {
    }

    static String html(String explanation) {
        return "<section class=\"message-page\">\n<h1>" + SiteText.NOT_FOUND_TITLE + "</h1>\n<p>" + Html.escape(explanation)
                + "</p>\n<p><a class=\"button\" href=\"/\">Về trang chủ</a></p>\n</section>\n";
    }
}
