package dev.mnistlab.study;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.TrainConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds stored-trial snapshots by hand, as a storage would return them. */
final class StoredTrials {
  static final StudyRecord STUDY =
      new StudyRecord(
          1,
          new StudySpec("demo", "val_accuracy", Direction.MAXIMIZE, "study", "{}", 1, null),
          Instant.parse("2026-11-27T10:00:00Z"));

  private StoredTrials() {}

  /** Returns a finished trial whose epochs have the given validation losses and accuracies. */
  static TrialRecord finished(
      int number,
      String label,
      TrialState state,
      TrainConfig config,
      double[] valLoss,
      double[] valAccuracy,
      double testAccuracy) {
    return finished(number, label, state, config, valLoss, valAccuracy, testAccuracy, 12.5);
  }

  /** Returns a finished trial as above whose run took {@code seconds} of wall time. */
  static TrialRecord finished(
      int number,
      String label,
      TrialState state,
      TrainConfig config,
      double[] valLoss,
      double[] valAccuracy,
      double testAccuracy,
      double seconds) {
    List<EpochMetrics> epochs = new ArrayList<>();
    for (int e = 0; e < valLoss.length; e++) {
      epochs.add(
          new EpochMetrics(
              e + 1, 0.5 / (e + 1), 0.4, valLoss[e], valAccuracy[e], config.lr(), 2.0, 1000));
    }
    double value = valAccuracy.length == 0 ? Double.NaN : valAccuracy[valAccuracy.length - 1];
    return new TrialRecord(
        100 + number,
        1,
        number,
        label,
        Map.of("trial", label),
        config,
        state,
        state == TrialState.COMPLETE ? null : "because",
        "host:1:abc",
        1,
        Instant.parse("2026-11-27T10:00:00Z"),
        Instant.parse("2026-11-27T10:01:00Z"),
        Instant.parse("2026-11-27T10:02:00Z"),
        Instant.parse("2026-11-27T10:03:00Z"),
        value,
        new Evaluation(0.1, testAccuracy),
        seconds,
        0,
        700,
        null,
        epochs,
        List.of());
  }

  /** Returns a trial still waiting in the queue. */
  static TrialRecord waiting(int number, String label, TrainConfig config) {
    return new TrialRecord(
        100 + number,
        1,
        number,
        label,
        Map.of("trial", label),
        config,
        TrialState.WAITING,
        null,
        null,
        0,
        Instant.parse("2026-11-27T10:00:00Z"),
        null,
        null,
        null,
        Double.NaN,
        Evaluation.NONE,
        Double.NaN,
        0,
        Double.NaN,
        null,
        List.of(),
        List.of());
  }
}
