package dev.mnistlab.storage;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Implements {@link Storage} over one JDBC connection, for SQLite and PostgreSQL alike; the {@link
 * Dialect} holds their differences. Every method is synchronized and runs as one transaction,
 * rolled back when anything fails; processes coordinate through the database's locks alone.
 */
final class JdbcStorage implements Storage {
  private final Dialect dialect;
  private Connection connection;

  /**
   * Opens the database and upgrades its schema; with {@code create}, makes a missing SQLite file
   * and a missing schema, without it refuses both before writing anything.
   */
  JdbcStorage(Dialect dialect, boolean create) {
    this.dialect = dialect;
    this.connection = dialect.connect(create);
    try {
      Schema.ensure(connection, dialect, create);
    } catch (SQLException | RuntimeException e) {
      closeQuietly();
      throw e instanceof SQLException sql
          ? dialect.translate(sql, "create its tables")
          : (RuntimeException) e;
    }
  }

  @Override
  public String describe() {
    return dialect.url.toString();
  }

  @Override
  public synchronized StudyRecord createStudy(StudySpec spec) {
    return write(
        "create study " + spec.name(),
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO studies (name, objective,"
                      + " direction, kind, definition, seed, created_at, notes)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, spec.name());
            s.setString(2, spec.objective());
            s.setString(3, spec.direction().name());
            s.setString(4, spec.kind());
            s.setString(5, spec.definition());
            s.setLong(6, spec.seed());
            s.setLong(7, dialect.now(c));
            s.setString(8, spec.notes());
            s.executeUpdate();
          }
          return StudyRows.findByName(c, spec.name()).orElseThrow();
        });
  }

  @Override
  public synchronized Optional<StudyRecord> findStudy(String name) {
    return read("find study " + name, c -> StudyRows.findByName(c, name));
  }

  @Override
  public synchronized List<StudySummary> studies() {
    return read("list studies", StudyRows::summaries);
  }

  @Override
  public synchronized boolean deleteStudy(String name) {
    return write(
        "delete study " + name,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM trial_steps WHERE trial_id IN"
                      + " (SELECT t.id FROM trials t JOIN studies s ON s.id = t.study_id"
                      + " WHERE s.name = ?)")) {
            s.setString(1, name); // steps have no foreign key to cascade along (see Schema)
            s.executeUpdate();
          }
          try (PreparedStatement s = c.prepareStatement("DELETE FROM studies WHERE name = ?")) {
            s.setString(1, name);
            return s.executeUpdate() > 0; // trials and epochs go by ON DELETE CASCADE
          }
        });
  }

  @Override
  public synchronized List<TrialRecord> enqueue(long studyId, List<TrialRequest> trials) {
    return write(
        "queue trials",
        c -> {
          long first;
          lockStudy(c, studyId);
          try (PreparedStatement s =
              c.prepareStatement("SELECT MAX(number) FROM trials WHERE study_id = ?")) {
            s.setLong(1, studyId);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              long max = rs.getLong(1);
              first = rs.wasNull() ? 0 : max + 1;
            }
          }
          long now = dialect.now(c);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO trials (study_id, number,"
                      + " label, params, config, state, attempts, queued_at)"
                      + " VALUES (?, ?, ?, ?, ?, 'WAITING', 0, ?)")) {
            long number = first;
            for (TrialRequest t : trials) {
              s.setLong(1, studyId);
              s.setLong(2, number++);
              s.setString(3, t.label());
              s.setString(4, TrialRows.toJson(t.params()));
              s.setString(5, TrialRows.toJson(t.config()));
              s.setLong(6, now);
              s.addBatch();
            }
            s.executeBatch();
          }
          return TrialRows.select(
              c, "WHERE study_id = ? AND number >= ? ORDER BY number", studyId, first);
        });
  }

  @Override
  public synchronized TrialRecord enqueueAt(long studyId, int number, TrialRequest request) {
    return write(
        "queue trial " + number,
        c -> {
          lockStudy(c, studyId);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO trials (study_id, number,"
                      + " label, params, config, state, attempts, queued_at)"
                      + " VALUES (?, ?, ?, ?, ?, 'WAITING', 0, ?) ON CONFLICT (study_id, number) DO NOTHING")) {
            s.setLong(1, studyId);
            s.setLong(2, number);
            s.setString(3, request.label());
            s.setString(4, TrialRows.toJson(request.params()));
            s.setString(5, TrialRows.toJson(request.config()));
            s.setLong(6, dialect.now(c));
            s.executeUpdate();
          }
          return TrialRows.select(c, "WHERE study_id = ? AND number = ?", studyId, number).get(0);
        });
  }

  @Override
  public synchronized void redefine(long studyId, String definition) {
    write(
        "change a study's definition",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("UPDATE studies SET definition = ? WHERE id = ?")) {
            s.setString(1, definition);
            s.setLong(2, studyId);
            if (s.executeUpdate() != 1) {
              throw new InvalidInputException(
                  "no study with id " + studyId + " in storage " + describe());
            }
          }
          return null;
        });
  }

  @Override
  public synchronized void keepModels(long studyId, String modelsDir) {
    write(
        "record where a study keeps its models",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("UPDATE studies SET models_dir = ? WHERE id = ?")) {
            s.setString(1, modelsDir);
            s.setLong(2, studyId);
            if (s.executeUpdate() != 1) {
              throw new InvalidInputException(
                  "no study with id " + studyId + " in storage " + describe());
            }
          }
          return null;
        });
  }

  @Override
  public synchronized Optional<TrialRecord> claim(long studyId, String workerId) {
    return write(
        "claim a trial",
        c -> {
          long id;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id FROM trials"
                      + " WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1"
                      + dialect.skipLocked())) {
            s.setLong(1, studyId);
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              id = rs.getLong(1);
            }
          }
          long now = dialect.now(c);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE trials SET state = 'RUNNING',"
                      + " worker_id = ?, attempts = attempts + 1, started_at = ?, heartbeat_at = ?,"
                      + " finished_at = NULL WHERE id = ?")) {
            s.setString(1, workerId);
            s.setLong(2, now);
            s.setLong(3, now);
            s.setLong(4, id);
            s.executeUpdate();
          }
          TrialRows.deleteEpochs(c, id); // an earlier attempt's live epochs are not this run's
          return Optional.of(TrialRows.select(c, "WHERE id = ?", id).get(0));
        });
  }

  @Override
  public synchronized boolean heartbeat(long trialId, String workerId) {
    return write("write a heartbeat", c -> touch(c, trialId, workerId));
  }

  @Override
  public synchronized boolean finish(long trialId, String workerId, TrialOutcome outcome) {
    return write(
        "store a finished trial",
        c -> {
          TrainResult result = outcome.result();
          Evaluation test = result == null ? Evaluation.NONE : result.test();
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE trials SET state = ?, reason = ?,"
                      + " value = ?, test_loss = ?, test_accuracy = ?, seconds = ?, diverged_at_step = ?,"
                      + " peak_rss_mb = ?, provenance = ?, finished_at = ?, model_dir = ?"
                      + " WHERE id = ? AND state = 'RUNNING' AND worker_id = ?")) {
            s.setString(1, outcome.state().name());
            s.setString(2, outcome.reason());
            TrialRows.setDouble(s, 3, outcome.value());
            TrialRows.setDouble(s, 4, test.loss());
            TrialRows.setDouble(s, 5, test.accuracy());
            TrialRows.setDouble(s, 6, result == null ? Double.NaN : result.seconds());
            s.setLong(7, result == null ? 0 : result.divergedAtStep());
            TrialRows.setDouble(s, 8, result == null ? Double.NaN : result.peakRssMb());
            s.setString(9, result == null ? null : TrialRows.toJson(result.provenance()));
            s.setLong(10, dialect.now(c));
            s.setString(11, outcome.modelDir());
            s.setLong(12, trialId);
            s.setString(13, workerId);
            if (s.executeUpdate() != 1) {
              return false;
            }
          }
          if (result != null) {
            TrialRows.writeCurves(c, dialect, trialId, result);
          }
          return true;
        });
  }

  @Override
  public synchronized boolean release(long trialId, String workerId, String reason) {
    return write(
        "release a trial",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE trials SET state = 'WAITING',"
                      + " reason = ?, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END"
                      + " WHERE id = ? AND state = 'RUNNING' AND worker_id = ?")) {
            s.setString(1, reason);
            s.setLong(2, trialId);
            s.setString(3, workerId);
            return s.executeUpdate() == 1;
          }
        });
  }

  @Override
  public synchronized List<TrialRecord> recoverLost(long studyId, Duration grace, int maxAttempts) {
    LostTrials.check(grace, maxAttempts);
    return write(
        "recover lost trials",
        c -> LostTrials.recover(c, studyId, dialect.now(c), grace, maxAttempts));
  }

  @Override
  public synchronized List<TrialRecord> trials(long studyId, boolean curves) {
    return read(
        "read trials",
        c -> {
          List<TrialRecord> trials =
              TrialRows.select(c, "WHERE study_id = ? ORDER BY number", studyId);
          if (!curves) {
            return trials;
          }
          Map<Long, List<EpochMetrics>> epochs = TrialRows.readEpochs(c, studyId);
          Map<Long, List<StepLoss>> steps = TrialRows.readSteps(c, studyId);
          List<TrialRecord> withCurves = new ArrayList<>(trials.size());
          for (TrialRecord t : trials) {
            withCurves.add(
                TrialRows.withCurves(
                    t,
                    epochs.getOrDefault(t.id(), List.of()),
                    steps.getOrDefault(t.id(), List.of())));
          }
          return withCurves;
        });
  }

  @Override
  public synchronized List<TrialRecord> trialsWithEpochs(long studyId) {
    return read(
        "read trials",
        c -> {
          Map<Long, List<EpochMetrics>> epochs = TrialRows.readEpochs(c, studyId);
          return TrialRows.select(c, "WHERE study_id = ? ORDER BY number", studyId).stream()
              .map(t -> TrialRows.withCurves(t, epochs.getOrDefault(t.id(), List.of()), List.of()))
              .toList();
        });
  }

  @Override
  public synchronized boolean reportEpoch(long trialId, String workerId, EpochMetrics epoch) {
    return write(
        "store an epoch",
        c -> {
          if (!touch(c, trialId, workerId)) {
            return false;
          }
          TrialRows.insertEpochs(c, trialId, List.of(epoch));
          return true;
        });
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  /** Says what a transaction does with the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Writes a heartbeat for a trial {@code workerId} holds; returns false if it does not. */
  private boolean touch(Connection c, long trialId, String workerId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE trials SET heartbeat_at = ?"
                + " WHERE id = ? AND state = 'RUNNING' AND worker_id = ?")) {
      s.setLong(1, dialect.now(c));
      s.setLong(2, trialId);
      s.setString(3, workerId);
      return s.executeUpdate() == 1;
    }
  }

  /** Locks the study's row until commit, which serialises numbering between processes. */
  private void lockStudy(Connection c, long studyId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM studies WHERE id = ?" + dialect.forUpdate())) {
      s.setLong(1, studyId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidInputException(
              "no study with id " + studyId + " in storage " + describe());
        }
      }
    }
  }

  private <T> T write(String doing, Work<T> work) {
    return transaction(doing, work, true);
  }

  private <T> T read(String doing, Work<T> work) {
    return transaction(doing, work, false);
  }

  private <T> T transaction(String doing, Work<T> work, boolean writes) {
    if (connection == null) {
      throw new IllegalStateException("storage " + describe() + " is closed");
    }
    try {
      if (writes) {
        dialect.beginWrite(connection);
      } else {
        dialect.beginRead(connection);
      }
      T result = work.run(connection);
      dialect.commit(connection);
      return result;
    } catch (SQLException e) {
      rollbackQuietly();
      throw dialect.translate(e, doing);
    } catch (RuntimeException | Error e) {
      rollbackQuietly();
      throw e;
    }
  }

  private void rollbackQuietly() {
    try {
      dialect.rollback(connection);
    } catch (SQLException e) {
      // The connection is broken; the original failure is the one worth reporting.
    }
  }

  private void closeQuietly() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing is best effort: an open transaction is rolled back by the database anyway.
    }
    connection = null;
  }
}
