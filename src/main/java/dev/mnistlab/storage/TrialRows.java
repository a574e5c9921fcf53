package dev.mnistlab.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.Provenance;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between trial rows and records: JSON columns through {@link JsonFormat#MAPPER}, times as
 * epoch milliseconds, and NaN as SQL NULL (SQLite cannot store NaN, so PostgreSQL does the same and
 * both read NULL back as NaN). Also writes and reads a trial's curves.
 */
final class TrialRows {
  /** Rows sent to the database per batch when writing curves. */
  private static final int BATCH = 1000;

  private static final ObjectWriter WRITER =
      JsonFormat.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectReader PARAMS =
      JsonFormat.MAPPER.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {});

  private TrialRows() {}

  /** Returns the trial in the result set's current row, with no curves. */
  static TrialRecord read(ResultSet rs) throws SQLException {
    return new TrialRecord(
        rs.getLong("id"),
        rs.getLong("study_id"),
        rs.getInt("number"),
        rs.getString("label"),
        fromJson(rs.getString("params"), PARAMS),
        fromJson(rs.getString("config"), JsonFormat.MAPPER.readerFor(TrainConfig.class)),
        TrialState.valueOf(rs.getString("state")),
        rs.getString("reason"),
        rs.getString("worker_id"),
        rs.getInt("attempts"),
        instant(rs, "queued_at"),
        instant(rs, "started_at"),
        instant(rs, "heartbeat_at"),
        instant(rs, "finished_at"),
        getDouble(rs, "value"),
        new Evaluation(getDouble(rs, "test_loss"), getDouble(rs, "test_accuracy")),
        getDouble(rs, "seconds"),
        rs.getLong("diverged_at_step"),
        getDouble(rs, "peak_rss_mb"),
        fromJson(rs.getString("provenance"), JsonFormat.MAPPER.readerFor(Provenance.class)),
        List.of(),
        List.of(),
        rs.getString("model_dir"));
  }

  /** Returns the trials matching {@code where}, whose parameters are longs. */
  static List<TrialRecord> select(Connection c, String where, long... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT * FROM trials " + where)) {
      for (int i = 0; i < args.length; i++) {
        s.setLong(i + 1, args[i]);
      }
      List<TrialRecord> trials = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          trials.add(TrialRows.read(rs));
        }
      }
      return trials;
    }
  }

  /** Returns {@code trial} with these curves. */
  static TrialRecord withCurves(TrialRecord t, List<EpochMetrics> epochs, List<StepLoss> steps) {
    return new TrialRecord(
        t.id(),
        t.studyId(),
        t.number(),
        t.label(),
        t.params(),
        t.config(),
        t.state(),
        t.reason(),
        t.workerId(),
        t.attempts(),
        t.queuedAt(),
        t.startedAt(),
        t.heartbeatAt(),
        t.finishedAt(),
        t.value(),
        t.test(),
        t.seconds(),
        t.divergedAtStep(),
        t.peakRssMb(),
        t.provenance(),
        epochs,
        steps,
        t.modelDir());
  }

  /** Writes {@code result}'s epochs and steps for trial {@code trialId}. */
  static void writeCurves(Connection c, Dialect dialect, long trialId, TrainResult result)
      throws SQLException {
    deleteEpochs(c, trialId); // the live epochs a running trial reported give way to its curve
    insertEpochs(c, trialId, result.epochs());
    dialect.insertSteps(c, trialId, result.steps());
  }

  /** Deletes a trial's per-epoch metrics. */
  static void deleteEpochs(Connection c, long trialId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM trial_epochs WHERE trial_id = ?")) {
      s.setLong(1, trialId);
      s.executeUpdate();
    }
  }

  /** Inserts per-epoch metrics of a trial. */
  static void insertEpochs(Connection c, long trialId, List<EpochMetrics> epochs)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO trial_epochs (trial_id, epoch,"
                + " train_loss, train_loss_last_batch, val_loss, val_accuracy, lr, seconds,"
                + " samples_per_second) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (EpochMetrics e : epochs) {
        s.setLong(1, trialId);
        s.setInt(2, e.epoch());
        setDouble(s, 3, e.trainLoss());
        setDouble(s, 4, e.trainLossLastBatch());
        setDouble(s, 5, e.valLoss());
        setDouble(s, 6, e.valAccuracy());
        setDouble(s, 7, e.lr());
        setDouble(s, 8, e.seconds());
        setDouble(s, 9, e.samplesPerSecond());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  static void insertStepsInBatches(Connection c, long trialId, List<StepLoss> steps)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO trial_steps (trial_id, step, epoch, loss) VALUES (?, ?, ?, ?)")) {
      int pending = 0;
      for (StepLoss step : steps) {
        s.setLong(1, trialId);
        s.setLong(2, step.step());
        s.setInt(3, step.epoch());
        setDouble(s, 4, step.loss());
        s.addBatch();
        if (++pending == BATCH) {
          s.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        s.executeBatch();
      }
    }
  }

  /** Returns the epochs of every trial of the study, by trial id, in epoch order. */
  static Map<Long, List<EpochMetrics>> readEpochs(Connection c, long studyId) throws SQLException {
    Map<Long, List<EpochMetrics>> byTrial = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT e.* FROM trial_epochs e"
                + " JOIN trials t ON t.id = e.trial_id WHERE t.study_id = ?"
                + " ORDER BY e.trial_id, e.epoch")) {
      s.setLong(1, studyId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byTrial
              .computeIfAbsent(rs.getLong("trial_id"), k -> new ArrayList<>())
              .add(
                  new EpochMetrics(
                      rs.getInt("epoch"),
                      getDouble(rs, "train_loss"),
                      getDouble(rs, "train_loss_last_batch"),
                      getDouble(rs, "val_loss"),
                      getDouble(rs, "val_accuracy"),
                      getDouble(rs, "lr"),
                      getDouble(rs, "seconds"),
                      getDouble(rs, "samples_per_second")));
        }
      }
    }
    return byTrial;
  }

  /** Returns the sampled steps of every trial of the study, by trial id, in step order. */
  static Map<Long, List<StepLoss>> readSteps(Connection c, long studyId) throws SQLException {
    Map<Long, List<StepLoss>> byTrial = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT s.trial_id, s.step, s.epoch, s.loss"
                + " FROM trial_steps s JOIN trials t ON t.id = s.trial_id WHERE t.study_id = ?"
                + " ORDER BY s.trial_id, s.step")) {
      s.setLong(1, studyId);
      s.setFetchSize(10_000); // PostgreSQL streams instead of holding every row at once
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byTrial
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new StepLoss(rs.getLong(2), rs.getInt(3), getDouble(rs, 4)));
        }
      }
    }
    return byTrial;
  }

  /** Binds {@code value}, NaN as NULL. */
  static void setDouble(PreparedStatement s, int index, double value) throws SQLException {
    if (Double.isNaN(value)) {
      s.setNull(index, Types.DOUBLE);
    } else {
      s.setDouble(index, value);
    }
  }

  /** Binds {@code value} as epoch milliseconds, null as NULL. */
  static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value.toEpochMilli());
    }
  }

  /** Returns {@code value} as JSON text, or null. */
  static String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write "
              + value.getClass().getSimpleName()
              + " as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static <T> T fromJson(String text, ObjectReader reader) throws SQLException {
    if (text == null) {
      return null;
    }
    try {
      return reader.readValue(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored JSON does not parse: " + e.getOriginalMessage(), e);
    }
  }

  private static double getDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }

  private static double getDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
