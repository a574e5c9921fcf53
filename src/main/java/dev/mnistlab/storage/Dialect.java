package dev.mnistlab.storage;

import dev.mnistlab.train.StepLoss;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Holds what differs between SQLite and PostgreSQL for {@link JdbcStorage}: how to connect, a few
 * column types, how transactions start and lock, and which faults the user can fix.
 *
 * <p>Call order: {@link #connect}, then {@link Schema#ensure} (which calls {@link
 * #afterVersionCheck} once it knows the file is ours to write), then any number of transactions,
 * each {@link #beginRead} or {@link #beginWrite} followed by {@link #commit} or {@link #rollback}.
 */
abstract class Dialect {
  /** Where the database is. */
  final StorageUrl url;

  Dialect(StorageUrl url) {
    this.url = url;
  }

  /** Returns the dialect of {@code url}'s database. */
  static Dialect of(StorageUrl url) {
    return url.kind() == StorageUrl.Kind.SQLITE ? new SqliteDialect(url) : new PostgresDialect(url);
  }

  /**
   * Opens and configures the one connection, turning faults the user can fix into one line.
   *
   * @param create whether a missing database may be made: an SQLite file and its directory; without
   *     it a missing file is refused before anything is written
   */
  abstract Connection connect(boolean create);

  /** Runs once the schema version is known not to be newer than this program's. */
  void afterVersionCheck(Connection c) throws SQLException {}

  /** Returns the DDL of a generated 64-bit primary key column. */
  abstract String idColumn();

  /** Returns the DDL type of a double column. */
  abstract String realType();

  /** Starts a transaction that sees one snapshot and writes nothing. */
  abstract void beginRead(Connection c) throws SQLException;

  /**
   * Starts a transaction that will write; on SQLite it holds the write lock from its first
   * statement, so no two writers ever deadlock over upgrading a read lock.
   */
  abstract void beginWrite(Connection c) throws SQLException;

  /** Commits the current transaction. */
  abstract void commit(Connection c) throws SQLException;

  /** Rolls back the current transaction, if one is open. */
  abstract void rollback(Connection c) throws SQLException;

  /** Serialises schema changes between processes for the rest of the write transaction. */
  abstract void lockSchema(Connection c) throws SQLException;

  /** Returns whether the database has a table named {@code name}. */
  abstract boolean hasTable(Connection c, String name) throws SQLException;

  /**
   * Returns what to append to a {@code SELECT} of rows the transaction will update so that
   * concurrent transactions skip them instead of waiting.
   */
  abstract String skipLocked();

  /** Returns what to append to a {@code SELECT} of a row to lock it until commit. */
  abstract String forUpdate();

  /** Inserts a finished trial's sampled step losses, up to some 35,000 of them. */
  void insertSteps(Connection c, long trialId, List<StepLoss> steps) throws SQLException {
    TrialRows.insertStepsInBatches(c, trialId, steps);
  }

  /** Returns the time in epoch milliseconds, from the clock all workers share. */
  abstract long now(Connection c) throws SQLException;

  /**
   * Returns the exception to throw for {@code e}, which happened while {@code doing}: an {@link
   * dev.mnistlab.InvalidInputException} of one line when the user can fix it.
   */
  abstract RuntimeException translate(SQLException e, String doing);

  /** Returns the single long value of a one-row query, or {@code ifNone} when it has none. */
  static long queryLong(Connection c, String sql, long ifNone) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return ifNone;
      }
      long value = rs.getLong(1);
      return rs.wasNull() ? ifNone : value;
    }
  }
}
