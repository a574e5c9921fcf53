package dev.mnistlab.storage;

import java.util.Map;

/**
 * Summarises a stored study for listings: how many trials are in each state and the best objective
 * value among its complete trials.
 *
 * @param study the study
 * @param counts trials by state; every state is present, zero when none
 * @param best the best value of a complete trial, or NaN when none has one
 */
public record StudySummary(StudyRecord study, Map<TrialState, Integer> counts, double best) {
  public StudySummary {
    counts = Map.copyOf(counts);
  }

  /** Returns the number of trials in every state together. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
