package dev.mnistlab.worker;

import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;

/**
 * Runs one claimed trial to its end.
 *
 * <p>Cancelling is interrupting: a {@link Worker} interrupts the thread inside {@link #run} when it
 * stops, or when a heartbeat shows that the trial was taken from it, and the run must then end
 * promptly (its training process stopped) by throwing {@link InterruptedException}. A thread
 * interrupted before the call is cancelled at once.
 *
 * <p>The worker calls {@link #run} from several threads at once, one trial per thread, so
 * implementations must be thread-safe. An executor stores nothing; the worker alone writes the
 * outcome.
 */
@FunctionalInterface
public interface TrialExecutor {

  /**
   * Runs {@code trial} and returns how it ended, its value measured as {@code objective}. A trial
   * that cannot be trained (a bad config, a crashed training run) ends as a {@code FAILED} outcome
   * with the reason, not as an exception.
   *
   * @throws InterruptedException if the calling thread was interrupted (the trial was cancelled);
   *     the run has been stopped
   */
  TrialOutcome run(TrialRecord trial, Objective objective) throws InterruptedException;
}
