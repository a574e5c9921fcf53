package dev.mnistlab.analysis;

import java.util.Objects;

/**
 * Says whether a trial ended before it converged: over its last epochs the mean validation accuracy
 * still rose by more than a small threshold and the mean validation loss still fell. More epochs
 * would then likely help (underfitting in the seed study's sense).
 *
 * @param trial the trial's name
 * @param window how many epochs back the change is measured: {@link #WINDOW}, or fewer when the run
 *     is shorter; 0 with a single epoch (then the changes are NaN)
 * @param accuracyGain mean validation accuracy at the last epoch minus {@code window} epochs before
 * @param valLossChange the same change of mean validation loss (negative when falling)
 * @param stillImproving whether {@code accuracyGain > MIN_GAIN} and {@code valLossChange < 0}
 */
public record StillImproving(
    String trial, int window, double accuracyGain, double valLossChange, boolean stillImproving) {

  /** Epochs over which the final change is measured. */
  public static final int WINDOW = 3;

  /** Accuracy gain over the window above which the trial counts as still improving. */
  public static final double MIN_GAIN = 0.001;

  public StillImproving {
    Objects.requireNonNull(trial, "trial");
  }

  /** Returns the still-improving diagnosis of a trial's mean curves. */
  public static StillImproving of(TrialRuns trial) {
    LearningCurves curves = LearningCurves.of(trial);
    double[] accuracy = Runs.means(curves.valAccuracy());
    double[] loss = Runs.means(curves.valLoss());
    int window = Math.min(WINDOW, accuracy.length - 1);
    if (window < 1) {
      return new StillImproving(trial.name(), 0, Double.NaN, Double.NaN, false);
    }
    int last = accuracy.length - 1;
    double gain = accuracy[last] - accuracy[last - window];
    double change = loss[last] - loss[last - window];
    return new StillImproving(trial.name(), window, gain, change, gain > MIN_GAIN && change < 0);
  }
}
