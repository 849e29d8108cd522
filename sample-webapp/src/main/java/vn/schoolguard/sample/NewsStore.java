package vn.schoolguard.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Articles and their comments. */
final class NewsStore {

    private final SiteDatabase database;
    private final Clock clock;

    NewsStore(SiteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** All articles, newest first. */
    List<Article> articles() throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, category, title, summary, body_html, published_on FROM article ORDER BY published_on DESC, id DESC");
             ResultSet rows = query.executeQuery()) {
            List<Article> articles = new ArrayList<>();
            while (rows.next()) {
                articles.add(article(rows));
            }
            return articles;
        }
    }

    Optional<Article> article(long id) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, category, title, summary, body_html, published_on FROM article WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(article(rows)) : Optional.empty();
            }
        }
    }

    /** Comments of an article, oldest first, as a conversation reads. */
    List<Comment> comments(long articleId) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, author, content_html, posted_at_ms FROM comment WHERE article_id = ? ORDER BY id")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                List<Comment> comments = new ArrayList<>();
                while (rows.next()) {
                    comments.add(new Comment(rows.getLong(1), rows.getString(2), rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(4))));
                }
                return comments;
            }
        }
    }

    void addComment(long articleId, String author, String email, String contentHtml) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO comment (article_id, author, email, content_html, posted_at_ms) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, articleId);
            insert.setString(2, author);
            insert.setString(3, email);
            insert.setString(4, contentHtml);
            insert.setLong(5, clock.millis());
            insert.executeUpdate();
        }
    }

    private static Article article(ResultSet rows) throws SQLException {
        return new Article(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getObject(6, LocalDate.class));
    }
}
