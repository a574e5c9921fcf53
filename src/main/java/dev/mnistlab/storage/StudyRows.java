package dev.mnistlab.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads study rows and their summaries for {@link JdbcStorage}, inside its transactions. */
final class StudyRows {
  private StudyRows() {}

  /** Returns the study named {@code name}, if there is one. */
  static Optional<StudyRecord> findByName(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT * FROM studies WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Returns every study, oldest first, with its trials counted by state (zeros included) and the
   * best value among its complete trials in its direction (NaN when none).
   */
  static List<StudySummary> summaries(Connection c) throws SQLException {
    Map<Long, Map<TrialState, Integer>> counts = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT study_id, state, COUNT(*) FROM trials GROUP BY study_id, state");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        counts
            .computeIfAbsent(rs.getLong(1), k -> zeroCounts())
            .put(TrialState.valueOf(rs.getString(2)), rs.getInt(3));
      }
    }
    Map<Long, double[]> range = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT study_id, MIN(value), MAX(value)"
                    + " FROM trials WHERE state = 'COMPLETE' AND value IS NOT NULL GROUP BY study_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        range.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
      }
    }
    List<StudySummary> summaries = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT * FROM studies ORDER BY created_at, id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        StudyRecord study = read(rs);
        double[] minMax = range.get(study.id());
        double best =
            minMax == null
                ? Double.NaN
                : study.spec().direction() == Direction.MAXIMIZE ? minMax[1] : minMax[0];
        summaries.add(new StudySummary(study, counts.getOrDefault(study.id(), zeroCounts()), best));
      }
    }
    return summaries;
  }

  private static StudyRecord read(ResultSet rs) throws SQLException {
    StudySpec spec =
        new StudySpec(
            rs.getString("name"),
            rs.getString("objective"),
            Direction.valueOf(rs.getString("direction")),
            rs.getString("kind"),
            rs.getString("definition"),
            rs.getLong("seed"),
            rs.getString("notes"));
    return new StudyRecord(
        rs.getLong("id"),
        spec,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getString("models_dir"));
  }

  private static Map<TrialState, Integer> zeroCounts() {
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (TrialState state : TrialState.values()) {
      counts.put(state, 0);
    }
    return counts;
  }
}
