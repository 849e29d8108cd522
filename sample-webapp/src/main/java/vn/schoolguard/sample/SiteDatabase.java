package vn.schoolguard.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcConnectionPool;

/** The site's own H2 file database ({@code DATA_DIR/site.mv.db}): schema and seeded news. */
final class SiteDatabase implements AutoCloseable {

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS article (
            id BIGINT PRIMARY KEY,
            category VARCHAR(100) NOT NULL,
            title VARCHAR(300) NOT NULL,
            summary VARCHAR(1000) NOT NULL,
            body_html CLOB NOT NULL,
            published_on DATE NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS comment (
            id BIGINT AUTO_INCREMENT PRIMARY KEY,
            article_id BIGINT NOT NULL REFERENCES article(id),
            author VARCHAR(400) NOT NULL,
            email VARCHAR(800) NOT NULL,
            content_html CLOB NOT NULL,
            posted_at_ms BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS comment_article ON comment(article_id, id)",
        """
        CREATE TABLE IF NOT EXISTS guestbook_entry (
            id BIGINT AUTO_INCREMENT PRIMARY KEY,
            name VARCHAR(400) NOT NULL,
            message CLOB NOT NULL,
            posted_at_ms BIGINT NOT NULL)
        """,
    };

    private final JdbcConnectionPool pool;

    private SiteDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the database in a data directory and seeds the news once. */
    static SiteDatabase open(Path dataDir) throws SQLException {
        // The file name "site" keeps clear of SchoolGuard's own "schoolguard*" files in the same directory.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("site") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(32);
        SiteDatabase database = new SiteDatabase(pool);
        try {
            database.migrate();
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    private void migrate() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM article")) {
                count.next();
                if (count.getLong(1) == 0) {
                    seed(connection);
                }
            }
        }
    }

    private static void seed(Connection connection) throws SQLException {
        String sql = "INSERT INTO article (id, category, title, summary, body_html, published_on) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Article article : SeedArticles.ALL) {
                insert.setLong(1, article.id());
                insert.setString(2, article.category());
                insert.setString(3, article.title());
                insert.setString(4, article.summary());
                insert.setString(5, article.bodyHtml());
                insert.setObject(6, article.publishedOn());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
