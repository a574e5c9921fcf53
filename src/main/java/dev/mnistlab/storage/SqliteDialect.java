package dev.mnistlab.storage;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens an SQLite file for many worker processes at once: write-ahead logging so readers never
 * block the writer, a 30 s busy timeout, foreign keys on, and every write transaction {@code BEGIN
 * IMMEDIATE}, so a writer takes the lock before it reads and no two processes ever need to upgrade
 * a read lock at once (the cause of "database is locked" errors that a busy timeout cannot cure).
 */
final class SqliteDialect extends Dialect {
  /** How long a writer waits for another process's write transaction before giving up. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  // SQLite's primary result codes (the low byte of extended codes).
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  SqliteDialect(StorageUrl url) {
    super(url);
  }

  @Override
  Connection connect(boolean create) {
    Path file = url.file().toAbsolutePath().normalize();
    if (!create && !Files.exists(file)) {
      throw new InvalidInputException(
          "storage file "
              + file
              + " does not exist; commands"
              + " that only read never create one ('study run', 'sweep' and 'tune' do)");
    }
    checkWritable(file);
    SQLiteConfig config = new SQLiteConfig();
    if (!create) {
      // Should the file vanish after the check above, SQLite must not make a new one.
      config.resetOpenMode(SQLiteOpenMode.CREATE);
    }
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    // NORMAL is durable across process crashes in WAL mode; only a power cut can lose the
    // last commits, never corrupt the file, and each heartbeat skips an fsync.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    try {
      return config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw translate(e, "open it");
    }
  }

  @Override
  void afterVersionCheck(Connection c) throws SQLException {
    // WAL is a property of the file: set once, it stays; on a WAL file this writes nothing.
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
    }
  }

  @Override
  String idColumn() {
    // AUTOINCREMENT so a deleted study's trial ids are never handed out again.
    return "INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  String realType() {
    return "REAL";
  }

  @Override
  void beginRead(Connection c) throws SQLException {
    execute(c, "BEGIN DEFERRED");
  }

  @Override
  void beginWrite(Connection c) throws SQLException {
    execute(c, "BEGIN IMMEDIATE");
  }

  @Override
  void commit(Connection c) throws SQLException {
    execute(c, "COMMIT");
  }

  @Override
  void rollback(Connection c) throws SQLException {
    try {
      execute(c, "ROLLBACK");
    } catch (SQLException e) {
      // Some errors (a full disk, a busy timeout) end the transaction themselves, and
      // sqlite-jdbc does not track the BEGINs it is sent: no transaction is left to undo.
    }
  }

  @Override
  void lockSchema(Connection c) {
    // BEGIN IMMEDIATE already excludes every other writer.
  }

  @Override
  boolean hasTable(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  String skipLocked() {
    return "";
  }

  @Override
  String forUpdate() {
    return "";
  }

  @Override
  long now(Connection c) {
    return System.currentTimeMillis();
  }

  @Override
  RuntimeException translate(SQLException e, String doing) {
    String path = url.path();
    int code = e instanceof SQLiteException se ? se.getResultCode().code & 0xff : -1;
    return switch (code) {
      case SQLITE_NOTADB ->
          new InvalidInputException(
              "storage file " + path + " is not an SQLite database; use another --storage", e);
      case SQLITE_READONLY ->
          new InvalidInputException(
              "storage file " + path + " is read-only; make it writable or use another --storage",
              e);
      case SQLITE_CANTOPEN ->
          new InvalidInputException(
              "cannot open storage file "
                  + path
                  + "; check that it and its directory exist and can be written",
              e);
      case SQLITE_CORRUPT ->
          new InvalidInputException(
              "storage file "
                  + path
                  + " is damaged (SQLite says: malformed); restore a copy or use another --storage",
              e);
      case SQLITE_FULL ->
          new InvalidInputException(
              "the disk of storage file " + path + " is full; free some space", e);
      case SQLITE_BUSY ->
          new IllegalStateException(
              "storage file "
                  + path
                  + " is locked by another"
                  + " process (waited up to "
                  + BUSY_TIMEOUT_MS / 1000
                  + " s) while trying to "
                  + doing,
              e);
      default ->
          new IllegalStateException(
              "storage " + url + " failed to " + doing + ": " + e.getMessage(), e);
    };
  }

  /**
   * Refuses a file or directory that cannot be written, by its permission bits as well as by access
   * checks: root may write anything, but a file nobody may write says the user wants it left alone.
   * Creates a missing directory.
   */
  private void checkWritable(Path file) {
    String path = url.path();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(
          "storage file "
              + path
              + " is a directory; give a file,"
              + " e.g. sqlite:"
              + path.replaceAll("/+$", "")
              + "/mnist-lab.db");
    }
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new InvalidInputException(
            "cannot create directory "
                + dir
                + " for storage file "
                + path
                + " ("
                + e.getClass().getSimpleName()
                + "); create it or use another"
                + " --storage",
            e);
      }
    }
    if (Files.exists(file) && readOnly(file)) {
      throw new InvalidInputException(
          "storage file "
              + path
              + " is read-only ("
              + permissions(file)
              + "); make it writable or use another --storage");
    }
    if (readOnly(dir)) {
      throw new InvalidInputException(
          "the directory of storage file "
              + path
              + " is read-only ("
              + permissions(dir)
              + ") and SQLite writes its -wal file there; make it writable or use"
              + " another --storage");
    }
  }

  private static boolean readOnly(Path p) {
    if (!Files.isWritable(p)) {
      return true;
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      return !perms.contains(PosixFilePermission.OWNER_WRITE)
          && !perms.contains(PosixFilePermission.GROUP_WRITE)
          && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return false; // no permission bits to read: the access check above decides
    }
  }

  private static String permissions(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException | UnsupportedOperationException e) {
      return "not writable";
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
