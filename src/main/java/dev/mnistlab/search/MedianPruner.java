package dev.mnistlab.search;

import static dev.mnistlab.search.Scores.require;

import dev.mnistlab.storage.Direction;
import java.util.List;
import java.util.Objects;

/**
 * Stops a trial whose objective at epoch k is worse than the median of the earlier trials'
 * objectives at epoch k: the median stopping rule (Golovin et al. 2017, "Google Vizier: A Service
 * for Black-Box Optimization").
 *
 * <p>Two choices decide what is compared, each with a default and the reading Optuna's {@code
 * MedianPruner} takes:
 *
 * <ul>
 *   <li>{@link Among}: the median (and the start-up count) is over every earlier trial that reached
 *       epoch k, pruned ones included, by default; or over complete trials only, as Optuna does.
 *       Complete trials are the survivors, so their median is higher and the second reading prunes
 *       more.
 *   <li>{@link Judge}: this trial is judged by its value after epoch k, by default, so one that has
 *       started to diverge or overfit is judged by where it is now; or by its best value so far, as
 *       Optuna does, which forgives a single bad epoch.
 * </ul>
 *
 * <p>An epoch k is checked only when all of these hold:
 *
 * <ul>
 *   <li>k is past the warm-up ({@code k > warmupEpochs}), and k is the first epoch after the
 *       warm-up or a multiple of {@code intervalEpochs} epochs later;
 *   <li>at least {@code startupTrials} of the trials counted (and at least one) reached epoch k.
 * </ul>
 *
 * <p>A trial is pruned only when strictly worse than the median, so a tie continues. NaN values
 * count as worse than any number, on both sides. Immutable and thread-safe.
 */
final class MedianPruner implements Pruner {
  /** Which earlier trials the median is taken over. */
  enum Among {
    /** Every earlier trial that reached the epoch, pruned or complete. */
    ALL,
    /** Only the earlier trials that finished complete. */
    COMPLETE
  }

  /** Which of this trial's values is compared with the median. */
  enum Judge {
    /** The value after the epoch being checked. */
    LATEST,
    /** The best value after any epoch so far. */
    BEST
  }

  private final Direction direction;
  private final int startupTrials;
  private final int warmupEpochs;
  private final int intervalEpochs;
  private final Among among;
  private final Judge judge;

  /**
   * Creates the pruner.
   *
   * @param direction whether the objective is better larger or smaller
   * @param startupTrials how many other trials must have reached an epoch before it is judged, at
   *     least 0
   * @param warmupEpochs epochs at the start of every trial that are never judged, at least 0
   * @param intervalEpochs judge every this many epochs after the warm-up, at least 1
   */
  MedianPruner(Direction direction, int startupTrials, int warmupEpochs, int intervalEpochs) {
    this(direction, startupTrials, warmupEpochs, intervalEpochs, Among.ALL, Judge.LATEST);
  }

  /**
   * Creates the pruner with a chosen reading (see the class comment).
   *
   * @param among which earlier trials the median and the start-up count are over
   * @param judge which of this trial's values is compared with the median
   */
  MedianPruner(
      Direction direction,
      int startupTrials,
      int warmupEpochs,
      int intervalEpochs,
      Among among,
      Judge judge) {
    this.direction = Objects.requireNonNull(direction, "direction");
    require(startupTrials >= 0, "median startup must be >= 0 trials, got " + startupTrials);
    require(warmupEpochs >= 0, "median warmup must be >= 0 epochs, got " + warmupEpochs);
    require(intervalEpochs >= 1, "median interval must be >= 1 epoch, got " + intervalEpochs);
    this.startupTrials = startupTrials;
    this.warmupEpochs = warmupEpochs;
    this.intervalEpochs = intervalEpochs;
    this.among = Objects.requireNonNull(among, "among");
    this.judge = Objects.requireNonNull(judge, "judge");
  }

  @Override
  public boolean prune(int number, List<Double> curve, List<Curve> others) {
    int k = curve.size();
    if (k <= warmupEpochs || (k - warmupEpochs - 1) % intervalEpochs != 0) {
      return false;
    }
    List<Curve> counted =
        among == Among.ALL ? others : others.stream().filter(Curve::complete).toList();
    double[] atK = Scores.at(direction, counted, k);
    if (atK.length == 0 || atK.length < startupTrials) {
      return false;
    }
    return score(curve) < Scores.median(atK);
  }

  /** Returns true when the median is over complete trials only. */
  @Override
  public boolean readsOutcomes() {
    return among == Among.COMPLETE;
  }

  /** Returns the score this trial is judged by: its latest or its best so far. */
  private double score(List<Double> curve) {
    if (judge == Judge.LATEST) {
      return Scores.of(direction, curve.get(curve.size() - 1));
    }
    double best = Double.NEGATIVE_INFINITY;
    for (double value : curve) {
      best = Math.max(best, Scores.of(direction, value));
    }
    return best;
  }

  /** Returns a one-line description with the settings, for logs. */
  @Override
  public String toString() {
    return "median ("
        + direction.name().toLowerCase(java.util.Locale.ROOT)
        + "; judged from epoch "
        + (warmupEpochs + 1)
        + " every "
        + intervalEpochs
        + " epoch(s), once "
        + Math.max(1, startupTrials)
        + " earlier"
        + (among == Among.COMPLETE ? " complete" : "")
        + " trial(s) reached the epoch; "
        + (judge == Judge.BEST ? "best value so far" : "latest value")
        + " against the median"
        + (among == Among.COMPLETE ? " of complete trials" : "")
        + ")";
  }
}
