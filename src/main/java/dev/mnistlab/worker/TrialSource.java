package dev.mnistlab.worker;

/**
 * Makes trials on demand for a {@link Worker}: a search queues its next trial only when a slot is
 * free to run it, because the trial's parameters depend on the trials finished by then.
 *
 * <p>A slot calls {@link #supply} when it found no waiting trial to claim; several slots, and
 * workers in other processes, may call it at once, so an implementation must be thread-safe and
 * must queue each trial number once (see {@code Storage.enqueueAt}).
 */
@FunctionalInterface
public interface TrialSource {

  /** Says what a call to {@link #supply} did. */
  enum Supply {
    /** A trial was queued (by this call or a concurrent one): claim again. */
    QUEUED,
    /** The next trial must wait for earlier ones to finish: ask again a little later. */
    LATER,
    /** No more trials will come (the budget is spent): end once the running ones end. */
    DONE
  }

  /** Queues the next trial if it can. */
  Supply supply();
}
