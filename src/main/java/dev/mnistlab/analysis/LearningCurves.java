package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Holds one trial's learning curves over its repeats: per epoch, the mean and 95% band of the mean
 * training loss, the validation loss and the validation accuracy. Epoch k's band covers the runs
 * that reached epoch k.
 *
 * @param trial the trial's name
 * @param trainLoss by epoch (index 0 is epoch 1)
 * @param valLoss by epoch
 * @param valAccuracy by epoch
 */
public record LearningCurves(
    String trial, List<Band> trainLoss, List<Band> valLoss, List<Band> valAccuracy) {

  public LearningCurves {
    Objects.requireNonNull(trial, "trial");
    trainLoss = List.copyOf(trainLoss);
    valLoss = List.copyOf(valLoss);
    valAccuracy = List.copyOf(valAccuracy);
  }

  /**
   * Returns the curves of a trial's runs: epoch k's band is the 95% t-interval over the finite
   * values of the runs that finished epoch k, so runs that stopped early (early stopping,
   * divergence) contribute only to the epochs they reached.
   */
  public static LearningCurves of(TrialRuns trial) {
    return new LearningCurves(
        trial.name(),
        bands(trial.runs(), EpochMetrics::trainLoss),
        bands(trial.runs(), EpochMetrics::valLoss),
        bands(trial.runs(), EpochMetrics::valAccuracy));
  }

  /** Returns how many epochs the longest run finished. */
  public int epochs() {
    return trainLoss.size();
  }

  private static List<Band> bands(List<TrainResult> runs, ToDoubleFunction<EpochMetrics> metric) {
    int epochs = runs.stream().mapToInt(r -> r.epochs().size()).max().orElse(0);
    List<Band> bands = new ArrayList<>(epochs);
    for (int e = 0; e < epochs; e++) {
      int index = e;
      double[] values =
          runs.stream()
              .filter(r -> r.epochs().size() > index)
              .mapToDouble(r -> metric.applyAsDouble(r.epochs().get(index)))
              .toArray();
      bands.add(Stats.band(values));
    }
    return bands;
  }
}
