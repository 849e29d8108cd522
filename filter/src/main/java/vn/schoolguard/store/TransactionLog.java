package vn.schoolguard.store;

import java.sql.Connection;
import java.sql.SQLException;

import vn.schoolguard.iplog.IpLogEntry;
import vn.schoolguard.iplog.IpLogRecord;

/** The IP log as the submission store writes it: an append inside the store's own transaction. */
@FunctionalInterface
public interface TransactionLog {

    /** Appends an entry on the caller's connection, without committing. */
    IpLogRecord append(Connection connection, IpLogEntry entry) throws SQLException;
}
