package vn.schoolguard.bootapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/** The site's comment store, in memory: what the application itself saved, and how often. */
@Component
public class Comments {

    /** One saved comment. */
    public record Comment(long newsId, String author, String content) {
    }

    private final List<Comment> saved = new CopyOnWriteArrayList<>();

    void save(Comment comment) {
        saved.add(comment);
    }

    public List<Comment> of(long newsId) {
        return saved.stream().filter(c -> c.newsId() == newsId).toList();
    }

    public List<Comment> all() {
        return List.copyOf(saved);
    }

    public void clear() {
        saved.clear();
    }
}
