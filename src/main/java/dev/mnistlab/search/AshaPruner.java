package dev.mnistlab.search;

import static dev.mnistlab.search.Scores.require;

import dev.mnistlab.storage.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stops trials by asynchronous successive halving, ASHA (Li et al. 2020, "A System for Massively
 * Parallel Hyperparameter Tuning"), in its stopping form: every trial starts with the full budget
 * and is stopped at a rung unless it ranks in the top 1/eta there.
 *
 * <p>The rungs are the epochs {@code minEpochs * eta^r} (r = 0, 1, ...) from which a trial that
 * continues still trains at least eta times as long: those with {@code epoch * eta <= maxEpochs},
 * the rungs below the top of successive halving with maximum budget {@code maxEpochs}. For min 1
 * and eta 3 that is epochs 1, 3 and 9 for 27 epochs, and 1 and 3 for 12: a rung at epoch 9 of 12
 * would stop trials that have spent three quarters of their budget, to save the last quarter. At a
 * rung epoch k the trial is ranked with the other trials that reached k (pruned ones included, at
 * the value they were pruned with); of those n trials, itself included, the best {@code floor(n /
 * eta)} continue. Between rungs a trial is never stopped.
 *
 * <p>While fewer than {@code eta} trials have reached a rung, top 1/eta holds no one and the rung
 * cannot yet rank, so the trial continues: the first trials of a study set the bar rather than fall
 * to it. (Optuna's {@code SuccessiveHalvingPruner} instead lets only the best one through.) A trial
 * tied with others is ranked above them, so ties continue. NaN values count as worse than any
 * number. Immutable and thread-safe.
 */
final class AshaPruner implements Pruner {
  private final Direction direction;
  private final int minEpochs;
  private final int eta;
  private final int maxEpochs;
  private final List<Integer> rungs;

  /**
   * Creates the pruner.
   *
   * @param direction whether the objective is better larger or smaller
   * @param minEpochs the first rung, from 1 to {@code maxEpochs}
   * @param eta the reduction factor: 1/eta of the trials at a rung continue, at least 2
   * @param maxEpochs the epochs every trial would train unpruned, at least 1
   */
  AshaPruner(Direction direction, int minEpochs, int eta, int maxEpochs) {
    this.direction = Objects.requireNonNull(direction, "direction");
    require(maxEpochs >= 1, "epochs must be >= 1, got " + maxEpochs);
    require(
        minEpochs >= 1 && minEpochs <= maxEpochs,
        "asha min must be between 1 and the epochs (" + maxEpochs + "), got " + minEpochs);
    require(eta >= 2, "asha eta must be >= 2, got " + eta);
    this.minEpochs = minEpochs;
    this.eta = eta;
    this.maxEpochs = maxEpochs;
    List<Integer> r = new ArrayList<>();
    for (long epoch = minEpochs; epoch * eta <= maxEpochs; epoch *= eta) {
      r.add((int) epoch);
    }
    this.rungs = List.copyOf(r);
  }

  /** Returns the rung epochs, in increasing order (empty when the first reaches the end). */
  List<Integer> rungs() {
    return rungs;
  }

  @Override
  public boolean prune(int number, List<Double> curve, List<Curve> others) {
    int k = curve.size();
    if (!rungs.contains(k)) {
      return false;
    }
    double[] atRung = Scores.at(direction, others, k);
    int n = atRung.length + 1;
    if (n < eta) {
      return false;
    }
    double own = Scores.of(direction, curve.get(k - 1));
    int better = 0;
    for (double s : atRung) {
      better += s > own ? 1 : 0;
    }
    return better >= n / eta;
  }

  /** Returns a one-line description with the settings and rungs, for logs. */
  @Override
  public String toString() {
    return "asha ("
        + direction.name().toLowerCase(java.util.Locale.ROOT)
        + "; eta "
        + eta
        + ", min "
        + minEpochs
        + ", "
        + maxEpochs
        + " epochs; rungs at epochs "
        + (rungs.isEmpty() ? "none" : rungs.toString())
        + ")";
  }
}
