package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainResult;
import java.util.List;
import java.util.Objects;

/**
 * Summarises the runs of one value of a swept factor.
 *
 * <p>Only the runs that completed count in the means, bands, curves and diagnoses. A run that
 * diverged (its loss became NaN or infinite) is counted in {@code diverged} with the step where it
 * happened, and is not averaged in as accuracy 0: a zero would mix "how often does it blow up" with
 * "how good is it when it trains", and both are reported apart. A run that failed (an engine error,
 * not the factor's doing) is counted in {@code failed} and left out too.
 *
 * @param label the value as the report writes it
 * @param value the value as a number, or NaN for a categorical factor
 * @param runs every run of the value
 * @param diverged runs in state DIVERGED
 * @param failed runs in state FAILED
 * @param divergedAtSteps the step at which each diverged run's loss stopped being finite, ascending
 *     (runs that did not record the step are left out)
 * @param finalValAccuracy the last epoch's validation accuracy, over completed runs
 * @param finalTrainLoss the last epoch's mean training loss, over completed runs
 * @param finalValLoss the last epoch's validation loss, over completed runs
 * @param seconds wall time of a whole run, over completed runs: the cost of the value
 * @param curves the learning curves of the completed runs
 * @param overfitting where the mean validation loss is lowest, and how far it rose after
 * @param stillImproving whether validation accuracy still rose at the last epochs
 * @param noise the spread of the sampled step loss around its moving average
 * @param versusBest Welch's test of this value's final validation accuracy minus the best value's;
 *     null for the best value itself and for a value without results
 * @param standing where the value stands against the best
 */
public record LevelSummary(
    String label,
    double value,
    int runs,
    int diverged,
    int failed,
    List<Long> divergedAtSteps,
    Band finalValAccuracy,
    Band finalTrainLoss,
    Band finalValLoss,
    Band seconds,
    LearningCurves curves,
    Overfitting overfitting,
    StillImproving stillImproving,
    MiniBatchNoise noise,
    Welch versusBest,
    Standing standing) {

  public LevelSummary {
    Objects.requireNonNull(label, "label");
    if (diverged < 0 || failed < 0 || diverged + failed > runs) {
      throw new IllegalArgumentException(
          "diverged + failed must be between 0 and runs ("
              + runs
              + "), got "
              + diverged
              + " + "
              + failed
              + " for '"
              + label
              + "'");
    }
    divergedAtSteps = divergedAtSteps.stream().sorted().toList();
    Objects.requireNonNull(finalValAccuracy, "finalValAccuracy");
    Objects.requireNonNull(finalTrainLoss, "finalTrainLoss");
    Objects.requireNonNull(finalValLoss, "finalValLoss");
    Objects.requireNonNull(seconds, "seconds");
    Objects.requireNonNull(curves, "curves");
    Objects.requireNonNull(overfitting, "overfitting");
    Objects.requireNonNull(stillImproving, "stillImproving");
    Objects.requireNonNull(noise, "noise");
    Objects.requireNonNull(standing, "standing");
  }

  /** Returns the runs that completed, the only ones the means and curves cover. */
  static TrialRuns completed(TrialRuns trial) {
    return new TrialRuns(
        trial.name(),
        trial.config(),
        trial.runs().stream().filter(r -> r.state() == RunState.COMPLETE).toList(),
        trial.reportedAccuracy(),
        trial.reportedLoss());
  }

  /** Returns the final validation accuracy of each completed run (NaN where it has none). */
  static double[] finalAccuracies(TrialRuns trial) {
    return Runs.last(completed(trial).runs(), EpochMetrics::valAccuracy);
  }

  /**
   * Returns the summary of one value; {@code best} is the best value's final accuracies, or null
   * when this value is the best or no value has a result.
   */
  static LevelSummary of(FactorLevel level, double[] best) {
    TrialRuns all = level.trial();
    TrialRuns done = completed(all);
    List<TrainResult> runs = done.runs();
    Band accuracy = Stats.band(Runs.last(runs, EpochMetrics::valAccuracy));
    Welch versus = null;
    Standing standing;
    if (accuracy.n() == 0) {
      standing = Standing.NO_RESULT;
    } else if (best == null) {
      standing = Standing.BEST;
    } else {
      versus = Welch.of(best, finalAccuracies(all));
      standing = Standing.of(versus);
    }
    return new LevelSummary(
        level.label(),
        level.value(),
        all.runs().size(),
        count(all, RunState.DIVERGED),
        count(all, RunState.FAILED),
        all.runs().stream()
            .filter(r -> r.state() == RunState.DIVERGED && r.divergedAtStep() > 0)
            .map(TrainResult::divergedAtStep)
            .toList(),
        accuracy,
        Stats.band(Runs.last(runs, EpochMetrics::trainLoss)),
        Stats.band(Runs.last(runs, EpochMetrics::valLoss)),
        Stats.band(Runs.each(runs, TrainResult::seconds)),
        LearningCurves.of(done),
        Overfitting.of(done),
        StillImproving.of(done),
        MiniBatchNoise.of(done),
        versus,
        standing);
  }

  /** Returns the 1-based epoch of the lowest mean validation loss, or 0 when there is none. */
  public int bestEpoch() {
    return overfitting.minEpoch();
  }

  /** Returns whether this value has at least one completed run with a validation accuracy. */
  public boolean hasResult() {
    return standing != Standing.NO_RESULT;
  }

  /**
   * Returns the median step at which the diverged runs diverged (the mean of the middle two for an
   * even count, rounded), or 0 when no run recorded one.
   */
  public long medianDivergenceStep() {
    int n = divergedAtSteps.size();
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1
        ? divergedAtSteps.get(n / 2)
        : Math.round((divergedAtSteps.get(n / 2 - 1) + divergedAtSteps.get(n / 2)) / 2.0);
  }

  private static int count(TrialRuns trial, RunState state) {
    return (int) trial.runs().stream().filter(r -> r.state() == state).count();
  }
}
