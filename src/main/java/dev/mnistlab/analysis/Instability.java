package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainResult;
import java.util.Arrays;
import java.util.Objects;

/**
 * Measures how much validation accuracy jumps around late in training, which the seed study saw in
 * trial 6 ("accuracy and loss became unstable").
 *
 * @param trial the trial's name
 * @param window the late epochs measured: {@link #WINDOW}, or all of a shorter run
 * @param lateAccuracySd the sample standard deviation of each run's validation accuracy over its
 *     last {@code window} epochs, averaged over runs; NaN when no run has 2 such epochs
 * @param largestDrop the largest fall of validation accuracy from one epoch to the next in any run
 *     (a positive number; 0 when it never fell, NaN without validation)
 * @param dropEpoch the 1-based epoch at which that fall was measured (the later one), or 0
 */
public record Instability(
    String trial, int window, double lateAccuracySd, double largestDrop, int dropEpoch) {

  /** Late epochs over which the spread is measured. */
  public static final int WINDOW = 5;

  public Instability {
    Objects.requireNonNull(trial, "trial");
  }

  /** Returns the instability diagnosis of a trial's runs. */
  public static Instability of(TrialRuns trial) {
    int longest = trial.runs().stream().mapToInt(r -> r.epochs().size()).max().orElse(0);
    double sd =
        Stats.mean(
            Runs.each(
                trial.runs(),
                r -> {
                  double[] curve = Runs.curve(r, EpochMetrics::valAccuracy);
                  return Stats.sd(
                      Arrays.copyOfRange(curve, Math.max(0, curve.length - WINDOW), curve.length));
                }));
    double drop = Double.NaN;
    int epoch = 0;
    for (TrainResult run : trial.runs()) {
      var epochs = run.epochs();
      for (int i = 1; i < epochs.size(); i++) {
        double fall = epochs.get(i - 1).valAccuracy() - epochs.get(i).valAccuracy();
        if (Double.isFinite(fall) && !(Math.max(fall, 0) <= drop)) {
          drop = Math.max(fall, 0);
          epoch = fall > 0 ? epochs.get(i).epoch() : 0;
        }
      }
    }
    return new Instability(trial.name(), Math.min(WINDOW, longest), sd, drop, epoch);
  }
}
