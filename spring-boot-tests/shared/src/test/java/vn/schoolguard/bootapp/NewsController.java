package vn.schoolguard.bootapp;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** An article page with its comments and a comment form, and the form's handler: as a school site writes them. */
@Controller
public class NewsController {

    private final Comments comments;

    public NewsController(Comments comments) {
        this.comments = comments;
    }

    @GetMapping(value = "/news/{id}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    @ResponseBody
    public String article(@PathVariable("id") long id) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<title>Tin " + id + "</title></head><body><h1>Tin tức số " + id + "</h1><ul class=\"comments\">");
        for (Comments.Comment c : comments.of(id)) {
            // The content field is HTML that SchoolGuard sanitized; the author is plain text.
            html.append("<li><b>").append(HtmlUtils.htmlEscape(c.author(), "UTF-8")).append("</b>: ").append(c.content()).append("</li>");
        }
        html.append("</ul><form method=\"post\" action=\"/news/").append(id).append("/comments\">"
                + "<input name=\"author\"><textarea name=\"content\"></textarea><button>Gửi</button></form></body></html>");
        return html.toString();
    }

    @PostMapping("/news/{id}/comments")
    public ResponseEntity<Void> comment(@PathVariable("id") long id, @RequestParam("author") String author,
            @RequestParam("content") String content) {
        comments.save(new Comments.Comment(id, author, content));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/news/" + id)).build();
    }

    @PostMapping("/news/{id}/likes")
    public ResponseEntity<Void> like(@PathVariable("id") long id) {
        return ResponseEntity.noContent().build();
    }
}
