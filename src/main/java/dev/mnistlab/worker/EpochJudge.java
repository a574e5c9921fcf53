package dev.mnistlab.worker;

import dev.mnistlab.train.EpochMetrics;

/**
 * Decides, epoch by epoch, whether a running trial goes on: how a search's pruner reaches a trial
 * that trains in its own process.
 *
 * <p>{@link TrialProcess} calls it once per finished epoch, in order, from one thread per trial; it
 * may wait (for other trials to reach the same epoch) and is interrupted when the trial is
 * cancelled.
 */
@FunctionalInterface
public interface EpochJudge {

  /**
   * Returns why the trial should stop after this epoch (it is pruned), or null to go on.
   *
   * @throws InterruptedException if the trial was cancelled while the judge waited
   */
  String afterEpoch(EpochMetrics metrics) throws InterruptedException;
}
