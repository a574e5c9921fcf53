package dev.mnistlab.train;

/**
 * Receives a run's progress as it happens, for progress bars and live tables.
 *
 * <p>The trainer calls these on its own thread, in order: {@code epochStarted}, then {@code
 * batchFinished} for each step, then {@code epochFinished} and {@code stopAfter}, for each epoch.
 * The methods must return quickly; they run inside the training loop (only {@code stopAfter} may
 * wait, for a decision made elsewhere).
 */
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /** Tells that an epoch of {@code batches} steps begins. */
  default void epochStarted(int epoch, int epochs, int batches) {}

  /** Tells that step {@code batch} (1-based, within the epoch) finished. */
  default void batchFinished(int epoch, int batch, double runningLoss) {}

  /** Tells that an epoch finished, with its metrics. */
  default void epochFinished(EpochMetrics metrics) {}

  /**
   * Returns why the run should end after the epoch just finished (a pruner said so), or null to go
   * on. A run so ended is complete with the epochs it trained, and is not evaluated on the test
   * set.
   */
  default String stopAfter(EpochMetrics metrics) {
    return null;
  }
}
