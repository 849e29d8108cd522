package vn.schoolguard.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import vn.schoolguard.internal.log.Log;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool and schema: HikariCP over H2 or PostgreSQL, migrated by Flyway on open.
 * SchoolGuard's tables carry an {@code sg_} prefix and its own schema history table, so they can
 * share a database with the host application.
 */
public final class Database implements AutoCloseable {

    private static final Log LOG = Log.get(Database.class);

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Database open(StoreSettings settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("schoolguard");
        hikari.setJdbcUrl(H2Network.safeUrl(settings.url()));
        hikari.setUsername(settings.user());
        hikari.setPassword(settings.password());
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setMinimumIdle(Math.min(2, settings.poolSize()));
        hikari.setConnectionTimeout(settings.connectTimeout().toMillis());
        hikari.setValidationTimeout(Math.max(250, settings.connectTimeout().toMillis() / 2));
        hikari.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        hikari.setAutoCommit(true);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (settings.url().startsWith("jdbc:h2:")) {
            hikari.setDriverClassName(org.h2.Driver.class.getName());
        } else {
            hikari.setDriverClassName(org.postgresql.Driver.class.getName());
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the database at " + settings.url() + ": " + rootMessage(e), e);
        }
        unregisterRelocatedDrivers();
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot prepare the database schema at " + settings.url() + ": " + rootMessage(e), e);
        }
        LOG.info("SchoolGuard database ready at {}", settings.url());
        return new Database(dataSource, settings.isPostgres());
    }

    // In the drop-in JAR the drivers are relocated copies that register themselves with DriverManager when loaded;
    // left there they would answer the host application's own jdbc:h2: and jdbc:postgresql: look-ups. The pool
    // keeps its own driver instance, so they are taken out again.
    private static void unregisterRelocatedDrivers() {
        for (java.sql.Driver driver : java.util.Collections.list(java.sql.DriverManager.getDrivers())) {
            if (driver.getClass().getName().startsWith("vn.schoolguard.")
                    && driver.getClass().getClassLoader() == Database.class.getClassLoader()) {
                try {
                    java.sql.DriverManager.deregisterDriver(driver);
                } catch (java.sql.SQLException e) {
                    LOG.warn("Could not unregister {} from DriverManager: {}", driver.getClass().getName(), e.getMessage());
                }
            }
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:vn/schoolguard/internal/store/migration")
                .table("sg_schema_history")
                // A host database that already holds other tables is fine: start our history at zero.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs work in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * Runs an update-or-insert in one transaction, once more when it lost a race to insert the same key (SQLState
     * 23505): then the row exists, and the second run updates it. Two nodes, or two first requests of one site on one
     * node, seeding the same account or saving the same site's row at once otherwise failed one of them.
     */
    public <T> T upsert(SqlWork<T> work) {
        try {
            return inTransaction(work);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return inTransaction(work);
            }
            throw e;
        }
    }

    /** Runs read-only work on a pooled connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
