package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import java.util.Objects;

/**
 * Finds where validation loss stopped falling and how far it rose afterwards: the classic sign of
 * overfitting, the point where early stopping (Prechelt 1998) would halt. The curves are the
 * trial's mean curves over runs ({@link LearningCurves}).
 *
 * @param trial the trial's name
 * @param minEpoch the 1-based epoch of the mean validation-loss curve's minimum; 0 when the runs
 *     have no validation loss (then every other figure is NaN and overfits false)
 * @param meanRunMinEpoch the mean over runs of each run's own minimum epoch
 * @param minValLoss the mean validation loss at {@code minEpoch}
 * @param finalValLoss the mean validation loss at the last epoch
 * @param rise {@code finalValLoss - minValLoss}, 0 when the minimum is the last epoch
 * @param noise the rise that seed noise alone could explain: the half-width of the last epoch's 95%
 *     band with 2 or more runs there, else 5% of {@code minValLoss}
 * @param finalGap the last epoch's mean validation loss minus its mean training loss
 * @param overfits whether {@code rise > noise}
 */
public record Overfitting(
    String trial,
    int minEpoch,
    double meanRunMinEpoch,
    double minValLoss,
    double finalValLoss,
    double rise,
    double noise,
    double finalGap,
    boolean overfits) {

  /** The relative rise that counts as overfitting when one run leaves the noise unknown. */
  public static final double SINGLE_RUN_TOLERANCE = 0.05;

  public Overfitting {
    Objects.requireNonNull(trial, "trial");
  }

  /** Returns the overfitting diagnosis of a trial's runs. */
  public static Overfitting of(TrialRuns trial) {
    LearningCurves curves = LearningCurves.of(trial);
    double[] valLoss = Runs.means(curves.valLoss());
    int minEpoch = Runs.argMin(valLoss);
    double meanRunMin =
        Stats.mean(
            Runs.each(
                trial.runs(),
                r -> {
                  int best = Runs.argMin(Runs.curve(r, EpochMetrics::valLoss));
                  return best == 0 ? Double.NaN : best;
                }));
    if (minEpoch == 0) {
      return new Overfitting(
          trial.name(),
          0,
          meanRunMin,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          false);
    }
    int last = valLoss.length - 1;
    double min = valLoss[minEpoch - 1];
    double fin = valLoss[last];
    Band lastBand = curves.valLoss().get(last);
    double noise = lastBand.n() >= 2 ? Stats.halfWidth(lastBand) : SINGLE_RUN_TOLERANCE * min;
    double rise = fin - min;
    double gap = fin - curves.trainLoss().get(last).mean();
    return new Overfitting(
        trial.name(), minEpoch, meanRunMin, min, fin, rise, noise, gap, rise > noise);
  }
}
