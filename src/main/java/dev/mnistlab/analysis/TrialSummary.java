package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.util.Objects;

/**
 * Summarises one trial over its runs: how the runs ended and the mean with 95% t-interval of each
 * final figure. Every band covers the runs whose value is finite (its {@code n}); "final" means the
 * last epoch each run finished.
 *
 * @param name the trial's name
 * @param config the config the runs share but for the seed
 * @param runs how many runs the trial has
 * @param complete runs in state COMPLETE
 * @param diverged runs in state DIVERGED
 * @param failed runs in state FAILED
 * @param testAccuracy accuracy on the test set, measured once after training
 * @param finalTrainLoss the last epoch's mean training loss over all its steps
 * @param finalValLoss the last epoch's validation loss
 * @param finalValAccuracy the last epoch's validation accuracy
 * @param bestValEpoch the 1-based epoch of each run's highest validation accuracy
 * @param seconds wall time of each whole run
 * @param reportedAccuracy the reference's reported (test) accuracy, or null
 * @param reportedLoss the reference's reported training loss, or null
 * @param reportedInsideInterval whether the reported accuracy lies in [low, high] of {@code
 *     testAccuracy}; null when nothing was reported or fewer than 2 runs have a test accuracy (one
 *     run has no interval, so the question cannot be answered)
 */
public record TrialSummary(
    String name,
    TrainConfig config,
    int runs,
    int complete,
    int diverged,
    int failed,
    Band testAccuracy,
    Band finalTrainLoss,
    Band finalValLoss,
    Band finalValAccuracy,
    Band bestValEpoch,
    Band seconds,
    Double reportedAccuracy,
    Double reportedLoss,
    Boolean reportedInsideInterval) {

  public TrialSummary {
    Objects.requireNonNull(name, "name");
    if (complete + diverged + failed != runs) {
      throw new IllegalArgumentException(
          "complete + diverged + failed must equal runs ("
              + runs
              + "), got "
              + complete
              + " + "
              + diverged
              + " + "
              + failed);
    }
  }

  /** Returns the summary of a trial's runs. */
  public static TrialSummary of(TrialRuns trial) {
    var runs = trial.runs();
    Band test =
        Stats.band(Runs.each(runs, r -> r.test() == null ? Double.NaN : r.test().accuracy()));
    Double reported = trial.reportedAccuracy();
    Boolean inside =
        reported == null || test.n() < 2 ? null : reported >= test.low() && reported <= test.high();
    return new TrialSummary(
        trial.name(),
        trial.config(),
        runs.size(),
        count(trial, RunState.COMPLETE),
        count(trial, RunState.DIVERGED),
        count(trial, RunState.FAILED),
        test,
        Stats.band(Runs.last(runs, EpochMetrics::trainLoss)),
        Stats.band(Runs.last(runs, EpochMetrics::valLoss)),
        Stats.band(Runs.last(runs, EpochMetrics::valAccuracy)),
        Stats.band(Runs.each(runs, TrialSummary::bestValEpoch)),
        Stats.band(Runs.each(runs, TrainResult::seconds)),
        reported,
        trial.reportedLoss(),
        inside);
  }

  private static double bestValEpoch(TrainResult run) {
    int best = Runs.argMax(Runs.curve(run, EpochMetrics::valAccuracy));
    return best == 0 ? Double.NaN : run.epochs().get(best - 1).epoch();
  }

  private static int count(TrialRuns trial, RunState state) {
    return (int) trial.runs().stream().filter(r -> r.state() == state).count();
  }
}
