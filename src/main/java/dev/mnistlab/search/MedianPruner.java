package dev.mnistlab.search;

import static dev.mnistlab.search.Scores.require;

import dev.mnistlab.storage.Direction;
import java.util.List;
import java.util.Objects;

/**
 * Stops a trial whose objective at epoch k is worse than the median of the earlier trials'
 * objectives at epoch k: the median stopping rule (Golovin et al. 2017, "Google Vizier: A
 * Service for Black-Box Optimization").
 *
 * <p>Both sides are taken at the same epoch: this trial's value after epoch k against the
 * other trials' values after epoch k. Optuna's {@code MedianPruner} instead uses this trial's
 * best value so far, which forgives a single bad epoch; the value at k was chosen here so
 * that a trial that has started to diverge or overfit is judged by where it is now.
 *
 * <p>An epoch k is checked only when all of these hold:
 *
 * <ul>
 *   <li>k is past the warm-up ({@code k > warmupEpochs}), and k is the first epoch after the
 *       warm-up or a multiple of {@code intervalEpochs} epochs later;
 *   <li>at least {@code startupTrials} other trials (and at least one) reached epoch k;
 *       pruned trials count if they got that far.
 * </ul>
 *
 * <p>A trial is pruned only when strictly worse than the median, so a tie continues. NaN
 * values count as worse than any number, on both sides. Immutable and thread-safe.
 */
final class MedianPruner implements Pruner {
  private final Direction direction;
  private final int startupTrials;
  private final int warmupEpochs;
  private final int intervalEpochs;

  /**
   * Creates the pruner.
   *
   * @param direction whether the objective is better larger or smaller
   * @param startupTrials how many other trials must have reached an epoch before it is judged,
   *     at least 0
   * @param warmupEpochs epochs at the start of every trial that are never judged, at least 0
   * @param intervalEpochs judge every this many epochs after the warm-up, at least 1
   */
  MedianPruner(Direction direction, int startupTrials, int warmupEpochs, int intervalEpochs) {
    this.direction = Objects.requireNonNull(direction, "direction");
    require(startupTrials >= 0, "median startup must be >= 0 trials, got " + startupTrials);
    require(warmupEpochs >= 0, "median warmup must be >= 0 epochs, got " + warmupEpochs);
    require(intervalEpochs >= 1, "median interval must be >= 1 epoch, got " + intervalEpochs);
    this.startupTrials = startupTrials;
    this.warmupEpochs = warmupEpochs;
    this.intervalEpochs = intervalEpochs;
  }

  @Override
  public boolean prune(int number, List<Double> curve, List<Curve> others) {
    int k = curve.size();
    if (k <= warmupEpochs || (k - warmupEpochs - 1) % intervalEpochs != 0) {
      return false;
    }
    double[] atK = Scores.at(direction, others, k);
    if (atK.length == 0 || atK.length < startupTrials) {
      return false;
    }
    return Scores.of(direction, curve.get(k - 1)) < Scores.median(atK);
  }

  /** Returns a one-line description with the settings, for logs. */
  @Override
  public String toString() {
    return "median (" + direction.name().toLowerCase(java.util.Locale.ROOT)
        + "; judged from epoch " + (warmupEpochs + 1) + " every " + intervalEpochs
        + " epoch(s), once " + Math.max(1, startupTrials)
        + " earlier trial(s) reached the epoch)";
  }
}
