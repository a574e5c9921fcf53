package dev.mnistlab.search;

import dev.mnistlab.storage.TrialState;
import java.util.Map;
import java.util.Objects;

/**
 * Holds what a sampler may learn from one finished trial: a frozen snapshot.
 *
 * @param number the trial's number in its study
 * @param params the trial's parameters, as the space named them
 * @param state how it finished: complete, pruned, diverged or failed
 * @param value its objective value (for a pruned trial, at the epoch it was pruned), or NaN
 * @param epochs the epochs it trained
 */
public record Observation(
    int number, Map<String, Object> params, TrialState state, double value, int epochs) {
  public Observation {
    Objects.requireNonNull(state, "state");
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }
}
