package dev.mnistlab.tune;

import dev.mnistlab.search.Curve;
import dev.mnistlab.search.Pruner;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.worker.EpochJudge;
import dev.mnistlab.worker.Objective;
import dev.mnistlab.worker.TrialProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Judges one running trial of a search after each epoch: stores the epoch, so other trials' pruners
 * can compare with it, and asks the pruner whether to stop.
 *
 * <p>As with sampling ({@link TuneSource}), trial {@code n} is compared only with trials {@code
 * 0..n-lag}, each as far as epoch {@code k} and no further; a running one that has not reached
 * epoch {@code k} yet is waited for. So the decision after each epoch is the same on every run,
 * whichever worker is faster. A pruner that reads how earlier trials ended ({@link
 * Pruner#readsOutcomes()}) waits for them to finish instead; from the sampler's start-up on, {@link
 * TuneSource} has already waited for that before the trial began. A trial waiting in the queue (its
 * worker was lost) is left out rather than waited for, so no trial can wait on one that nobody
 * runs.
 */
public final class TuneJudge implements EpochJudge {
  /** How often a judge waiting for earlier trials looks at the storage again. */
  private static final long POLL_MILLIS = 200;

  private final Storage storage;
  private final TrialRecord trial;
  private final Pruner pruner;
  private final String prunerName;
  private final Objective objective;
  private final int lag;
  private final List<Double> curve = new ArrayList<>();

  /**
   * Returns the judges of a search's trials for {@link TrialProcess}, or null when the pruner is
   * {@code none}, so that trials run without stopping after every epoch.
   *
   * @param prunerName the pruner spec's name, e.g. {@code asha}, which reasons give
   */
  public static Function<TrialRecord, EpochJudge> factory(
      Storage storage, Pruner pruner, String prunerName, Objective objective, int lag) {
    if (prunerName.equals("none")) {
      return null;
    }
    return trial -> new TuneJudge(storage, trial, pruner, prunerName, objective, lag);
  }

  TuneJudge(
      Storage storage,
      TrialRecord trial,
      Pruner pruner,
      String prunerName,
      Objective objective,
      int lag) {
    this.storage = storage;
    this.trial = trial;
    this.pruner = pruner;
    this.prunerName = prunerName;
    this.objective = objective;
    this.lag = lag;
  }

  @Override
  public String afterEpoch(EpochMetrics metrics) throws InterruptedException {
    storage.reportEpoch(trial.id(), trial.workerId(), metrics);
    double value = objective.valueOf(metrics);
    curve.add(value);
    int epoch = curve.size();
    if (epoch >= trial.config().epochs()) {
      return null;
    }
    List<Curve> others = othersAt(epoch);
    if (!pruner.prune(trial.number(), List.copyOf(curve), others)) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%s pruner, %s %.4f against %d earlier trial(s)",
        prunerName,
        objective.cliName(),
        value,
        others.size());
  }

  /**
   * Returns trials 0..n-lag as far as {@code epoch}, waiting for running ones to get there (or to
   * finish, for a pruner that reads outcomes).
   */
  private List<Curve> othersAt(int epoch) throws InterruptedException {
    int last = trial.number() - lag;
    if (last < 0) {
      return List.of();
    }
    while (true) {
      List<Curve> others = new ArrayList<>();
      boolean behind = false;
      for (TrialRecord t : storage.trialsWithEpochs(trial.studyId())) {
        if (t.number() > last) {
          break;
        }
        if (t.state() == TrialState.RUNNING
            && (pruner.readsOutcomes() || t.epochs().size() < epoch)) {
          behind = true;
          break;
        }
        if (t.state() == TrialState.RUNNING
            || t.state() == TrialState.COMPLETE
            || t.state() == TrialState.PRUNED) {
          others.add(curveOf(t, epoch));
        }
      }
      if (!behind) {
        return others;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private Curve curveOf(TrialRecord t, int epoch) {
    List<Double> values = new ArrayList<>();
    for (EpochMetrics m : t.epochs()) {
      if (m.epoch() > epoch) {
        break;
      }
      values.add(objective.valueOf(m));
    }
    return new Curve(t.number(), values, t.state() == TrialState.COMPLETE);
  }
}
