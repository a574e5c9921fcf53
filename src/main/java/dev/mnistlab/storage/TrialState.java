package dev.mnistlab.storage;

/** Says where a stored trial is in its life: queued, running, or finished in one of four ways. */
public enum TrialState {
  /** Queued; any worker may claim it. */
  WAITING,
  /** Claimed by a worker, which writes heartbeats while it trains. */
  RUNNING,
  /** Trained to the end (or stopped early on purpose); its metrics are stored. */
  COMPLETE,
  /** Stopped by a pruner; its partial curve is stored. */
  PRUNED,
  /** The loss became NaN or infinite; the reason says at which step. */
  DIVERGED,
  /** Could not be trained; the reason says why. */
  FAILED;

  /** Returns whether the trial will not change any more. */
  public boolean isFinished() {
    return this != WAITING && this != RUNNING;
  }
}
