package dev.mnistlab.search;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Chooses each trial's parameters.
 *
 * <p>A sampler is a pure function: the same space, trial number and history give the same
 * parameters, in any process, so that workers on several machines agree on every trial and a study
 * can be reproduced. Its randomness comes from the study's seed and the trial's number alone.
 * Implementations are immutable and thread-safe.
 */
public interface Sampler {

  /**
   * Returns the parameters of trial {@code number}: a point of {@code space} (every parameter that
   * applies, in the space's order).
   *
   * @param history the finished trials this trial may learn from, by number
   */
  Map<String, Object> sample(SearchSpace space, int number, List<Observation> history);

  /**
   * Returns how many trials the sampler can give for {@code space} before it has nothing new (a
   * grid's point count), or empty when there is no end.
   */
  default OptionalInt size(SearchSpace space) {
    return OptionalInt.empty();
  }

  /**
   * Returns how many trials are sampled without looking at any history (TPE's random start-up
   * trials); until then a trial need not wait for earlier ones to finish.
   */
  default int blindTrials() {
    return Integer.MAX_VALUE;
  }
}
