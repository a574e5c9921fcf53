package dev.mnistlab.analysis;

import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainResult;
import java.util.Objects;

/**
 * Compares a trial's training loss with the lowest loss its model can reach. A model whose last
 * layer squashes the class scores (sigmoid or softmax before cross-entropy) cannot go below {@code
 * ln(1 + 9/e) = 1.4612}: the seed study's trials 1-4 sat at 1.46-1.48 for that reason, not from
 * underfitting.
 *
 * @param trial the trial's name
 * @param floor the loss floor the model spec implies, or NaN when it has none
 * @param lowestTrainLoss the lowest mean training loss (an epoch's mean over its steps) of any
 *     epoch of any run; NaN when no epoch has a finite loss
 * @param lowestEpoch the 1-based epoch where that lowest loss occurred, or 0
 * @param gap {@code lowestTrainLoss - floor}: how close training came; NaN without a floor
 * @param staysAboveFloor whether every epoch stayed at or above the floor (within 1e-9); true when
 *     there is no floor
 */
public record LossFloor(
    String trial,
    double floor,
    double lowestTrainLoss,
    int lowestEpoch,
    double gap,
    boolean staysAboveFloor) {

  /** How far below the floor a loss may be and still count as on it (rounding). */
  static final double TOLERANCE = 1e-9;

  public LossFloor {
    Objects.requireNonNull(trial, "trial");
  }

  /** Returns the loss floor diagnosis of a trial's runs. */
  public static LossFloor of(TrialRuns trial) {
    double floor = ModelSpec.parse(trial.config().model()).lossFloor().orElse(Double.NaN);
    double lowest = Double.NaN;
    int epoch = 0;
    for (TrainResult run : trial.runs()) {
      for (EpochMetrics e : run.epochs()) {
        if (Double.isFinite(e.trainLoss()) && !(e.trainLoss() >= lowest)) {
          lowest = e.trainLoss();
          epoch = e.epoch();
        }
      }
    }
    boolean above = Double.isNaN(floor) || Double.isNaN(lowest) || lowest >= floor - TOLERANCE;
    return new LossFloor(trial.name(), floor, lowest, epoch, lowest - floor, above);
  }

  /** Returns whether the model spec implies a loss floor. */
  public boolean hasFloor() {
    return !Double.isNaN(floor);
  }
}
