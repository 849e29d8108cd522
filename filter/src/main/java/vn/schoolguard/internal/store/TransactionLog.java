package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.SQLException;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.IpLogRecord;

/** The IP log as the submission store writes it: an append inside the store's own transaction. */
@FunctionalInterface
public interface TransactionLog {

    /** Appends an entry on the caller's connection, without committing. */
    IpLogRecord append(Connection connection, IpLogEntry entry) throws SQLException;

    /** The site's IP log, appended through its JDBC storage: the log prepares the chained entry, the storage writes it. */
    static TransactionLog of(JdbcIpLogStorage storage, IpLog log) {
        return (connection, entry) -> storage.append(connection, log.prepare(entry));
    }
}
