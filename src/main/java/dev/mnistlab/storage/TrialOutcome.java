package dev.mnistlab.storage;

import dev.mnistlab.train.TrainResult;
import java.util.Objects;

/**
 * Holds how a claimed trial ended, as its worker reports it to {@link Storage#finish}.
 *
 * @param state one of the finished states
 * @param reason why it failed, diverged or was pruned, or null when complete
 * @param value its objective value, or NaN
 * @param result what training produced (curves, test metrics, provenance), or null when the
 *     training process left nothing behind
 */
public record TrialOutcome(TrialState state, String reason, double value, TrainResult result) {
  public TrialOutcome {
    Objects.requireNonNull(state, "state");
    if (!state.isFinished()) {
      throw new IllegalArgumentException("an outcome must be a finished state, got " + state);
    }
  }
}
