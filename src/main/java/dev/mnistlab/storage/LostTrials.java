package dev.mnistlab.storage;

import dev.mnistlab.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds running trials whose worker is lost and queues them again, or fails them once they have
 * used up their attempts, for {@link Storage#recoverLost}.
 *
 * <p>A worker is lost when it ran on this machine and its process has ended (known at once) or when
 * its last heartbeat is older than the grace period (the only sign from another machine). Each
 * change is conditional on the trial still being held by the same worker with the same heartbeat,
 * so a heartbeat that lands meanwhile keeps the trial its worker's.
 */
final class LostTrials {
  private LostTrials() {}

  /** Checks the arguments' rules before any transaction starts. */
  static void check(Duration grace, int maxAttempts) {
    if (grace == null || grace.isNegative()) {
      throw new InvalidInputException(
          "heartbeat grace must be >= 0 s, got "
              + (grace == null ? "none" : grace.toSeconds() + " s"));
    }
    if (maxAttempts < 1) {
      throw new InvalidInputException("max attempts must be >= 1, got " + maxAttempts);
    }
  }

  /** Recovers the study's lost trials as of {@code now} (epoch ms); returns them as changed. */
  static List<TrialRecord> recover(
      Connection c, long studyId, long now, Duration grace, int maxAttempts) throws SQLException {
    List<TrialRecord> running =
        TrialRows.select(c, "WHERE study_id = ? AND state = 'RUNNING' ORDER BY number", studyId);
    List<TrialRecord> changed = new ArrayList<>();
    for (TrialRecord t : running) {
      String why = whyLost(t, now, grace);
      if (why == null) {
        continue;
      }
      boolean fail = t.attempts() >= maxAttempts;
      String reason =
          "worker "
              + t.workerId()
              + " lost ("
              + why
              + "); "
              + (fail
                  ? "failed after " + t.attempts() + " of " + maxAttempts + " attempts"
                  : "queued again (attempt " + t.attempts() + " of " + maxAttempts + ")");
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE trials SET state = ?, reason = ?,"
                  + " finished_at = ? WHERE id = ? AND state = 'RUNNING' AND worker_id = ?"
                  + " AND heartbeat_at = ?")) {
        s.setString(1, fail ? TrialState.FAILED.name() : TrialState.WAITING.name());
        s.setString(2, reason);
        if (fail) {
          s.setLong(3, now);
        } else {
          s.setNull(3, java.sql.Types.BIGINT);
        }
        s.setLong(4, t.id());
        s.setString(5, t.workerId());
        s.setLong(6, t.heartbeatAt().toEpochMilli());
        if (s.executeUpdate() == 1) {
          changed.add(TrialRows.select(c, "WHERE id = ?", t.id()).get(0));
        }
      }
    }
    return changed;
  }

  /** Returns why the trial's worker is lost, or null when it may still be alive. */
  private static String whyLost(TrialRecord t, long now, Duration grace) {
    WorkerId worker = WorkerId.parse(t.workerId());
    if (worker != null && worker.isLocalAndGone()) {
      return "its process " + worker.pid() + " has ended";
    }
    // claim() sets the heartbeat, so a running trial always has one.
    long silent = now - t.heartbeatAt().toEpochMilli();
    if (silent > grace.toMillis()) {
      return "no heartbeat for " + Math.round(silent / 1000.0) + " s";
    }
    return null;
  }
}
