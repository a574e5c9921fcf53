package dev.mnistlab.storage;

import dev.mnistlab.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and upgrades the storage's tables. Each schema version is one migration, a list of
 * statements; a database records every version applied in {@code schema_version}. A later program
 * adds a migration to {@link #migrations} and raises nothing else.
 *
 * <p>Written here rather than with Flyway (checked with flyway-core 13.12.2, issue 19): by default
 * Flyway migrates a database written by a newer program without a word (it ignores "future"
 * migrations), and made strict it fails with a four-line message and a web link, so the one-line
 * refusal of a newer schema would still need this class's own check. It would also add 0.9 MB of
 * jars (flyway-core, which has SQLite built in, plus flyway-database-postgresql, which PostgreSQL
 * needs since Flyway 10), take 25-35 ms instead of 3-5 ms to open an up-to-date SQLite storage, and
 * need a baseline step for storages that already have {@code schema_version}; all for a schema of a
 * few versions.
 */
final class Schema {
  /**
   * Holds one step of the schema's history.
   *
   * @param version the version the database has after the step
   * @param statements the DDL, with {@code {id}} and {@code {real}} for the dialect's types
   */
  record Migration(int version, List<String> statements) {
    Migration {
      if (version < 1) {
        throw new IllegalArgumentException("a migration's version must be >= 1, got " + version);
      }
      statements = List.copyOf(statements);
    }
  }

  /** Returns every migration, oldest first. */
  static List<Migration> migrations() {
    return List.of(
        new Migration(
            1,
            List.of(
                "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " applied_at BIGINT NOT NULL)",
                "CREATE TABLE studies (id {id}, name TEXT NOT NULL UNIQUE, objective TEXT NOT NULL,"
                    + " direction TEXT NOT NULL, kind TEXT NOT NULL, definition TEXT NOT NULL,"
                    + " seed BIGINT NOT NULL, created_at BIGINT NOT NULL, notes TEXT)",
                "CREATE TABLE trials (id {id},"
                    + " study_id BIGINT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,"
                    + " number INTEGER NOT NULL, label TEXT NOT NULL, params TEXT NOT NULL,"
                    + " config TEXT NOT NULL, state TEXT NOT NULL, reason TEXT, worker_id TEXT,"
                    + " attempts INTEGER NOT NULL DEFAULT 0, queued_at BIGINT NOT NULL,"
                    + " started_at BIGINT, heartbeat_at BIGINT, finished_at BIGINT, value {real},"
                    + " test_loss {real}, test_accuracy {real}, seconds {real},"
                    + " diverged_at_step BIGINT NOT NULL DEFAULT 0, peak_rss_mb {real},"
                    + " provenance TEXT, UNIQUE (study_id, number))",
                // Claims look for a study's lowest-numbered trial in one state.
                "CREATE INDEX trials_by_state ON trials (study_id, state, number)",
                "CREATE TABLE trial_epochs ("
                    + " trial_id BIGINT NOT NULL REFERENCES trials (id) ON DELETE CASCADE,"
                    + " epoch INTEGER NOT NULL, train_loss {real}, train_loss_last_batch {real},"
                    + " val_loss {real}, val_accuracy {real}, lr {real}, seconds {real},"
                    + " samples_per_second {real}, PRIMARY KEY (trial_id, epoch))",
                // No foreign key here: checking it row by row made storing a 35,000-step trial on
                // PostgreSQL 6x slower. deleteStudy deletes a study's steps itself.
                "CREATE TABLE trial_steps (trial_id BIGINT NOT NULL,"
                    + " step BIGINT NOT NULL, epoch INTEGER NOT NULL, loss {real},"
                    + " PRIMARY KEY (trial_id, step))")),
        // Kept models (issue 20): where a study's workers save each finished run's weights,
        // and where each trial's were saved. Both NULL when none are kept, as in every
        // database written before.
        new Migration(
            2,
            List.of(
                "ALTER TABLE studies ADD COLUMN models_dir TEXT",
                "ALTER TABLE trials ADD COLUMN model_dir TEXT")));
  }

  /** Returns the schema version this program writes. */
  static int latest() {
    List<Migration> all = migrations();
    return all.get(all.size() - 1).version();
  }

  private Schema() {}

  /**
   * Brings the database to {@link #latest()}, creating every table on first use, in one transaction
   * that other processes opening the same fresh database wait for. Refuses, before writing
   * anything, a database whose version is newer than this program's, and, unless {@code create},
   * one without any of this program's tables.
   */
  static void ensure(Connection c, Dialect dialect, boolean create) throws SQLException {
    int found = readVersion(c, dialect, false);
    checkNotNewer(found, dialect);
    if (found == 0 && !create) {
      throw new InvalidInputException(
          "storage "
              + dialect.url
              + " has no mnist-lab tables;"
              + " commands that only read never create them ('study run', 'sweep' and 'tune' do)");
    }
    dialect.afterVersionCheck(c);
    if (found == latest()) {
      return;
    }
    dialect.beginWrite(c);
    try {
      dialect.lockSchema(c);
      found = readVersion(c, dialect, true); // another process may have got here first
      checkNotNewer(found, dialect);
      for (Migration m : migrations()) {
        if (m.version() > found) {
          apply(c, dialect, m);
        }
      }
      dialect.commit(c);
    } catch (SQLException | RuntimeException e) {
      dialect.rollback(c);
      throw e;
    }
  }

  private static void apply(Connection c, Dialect dialect, Migration m) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : m.statements()) {
        s.execute(sql.replace("{id}", dialect.idColumn()).replace("{real}", dialect.realType()));
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
      s.setInt(1, m.version());
      s.setLong(2, dialect.now(c));
      s.executeUpdate();
    }
  }

  private static int readVersion(Connection c, Dialect dialect, boolean inWrite)
      throws SQLException {
    if (!inWrite) {
      dialect.beginRead(c);
    }
    try {
      int version =
          dialect.hasTable(c, "schema_version")
              ? (int) Dialect.queryLong(c, "SELECT MAX(version) FROM schema_version", 0)
              : 0;
      if (!inWrite) {
        dialect.commit(c);
      }
      return version;
    } catch (SQLException | RuntimeException e) {
      if (!inWrite) {
        dialect.rollback(c);
      }
      throw e;
    }
  }

  private static void checkNotNewer(int found, Dialect dialect) {
    if (found > latest()) {
      throw new InvalidInputException(
          "storage "
              + dialect.url
              + " has schema version "
              + found
              + ", newer than this mnist-lab understands ("
              + latest()
              + "); use a newer mnist-lab");
    }
  }
}
