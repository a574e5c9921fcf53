package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds one trial of a search as its analysis reads it: a frozen copy, built by the search package
 * from what storage keeps.
 *
 * @param number the trial's number in the search, from 0
 * @param state where the trial is in its life
 * @param params the sampled values by parameter name; a conditional parameter that does not apply
 *     is absent
 * @param value the objective value, NaN when there is none
 * @param started when a worker last claimed it, or null while it waits
 * @param finished when it ended, or null while it waits or runs
 * @param worker the worker that holds or held it, or null
 * @param epochs its per-epoch metrics (of a running trial, as far as it got); may be empty
 */
public record SearchTrial(
    int number,
    State state,
    Map<String, Object> params,
    double value,
    Instant started,
    Instant finished,
    String worker,
    List<EpochMetrics> epochs) {

  /** Says where a trial is in its life, as storage's states do. */
  public enum State {
    /** Queued. */
    WAITING,
    /** Being trained. */
    RUNNING,
    /** Trained to the end; its value counts. */
    COMPLETE,
    /** Stopped early by a pruner. */
    PRUNED,
    /** Its loss stopped being finite. */
    DIVERGED,
    /** Could not be trained. */
    FAILED;

    /** Returns whether the trial will not change any more. */
    public boolean finished() {
      return this != WAITING && this != RUNNING;
    }
  }

  public SearchTrial {
    Objects.requireNonNull(state, "state");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    epochs = List.copyOf(epochs);
  }

  /** Returns whether the trial completed with a finite value, so it can be compared. */
  public boolean scored() {
    return state == State.COMPLETE && Double.isFinite(value);
  }
}
