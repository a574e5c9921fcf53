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
 * @param modelDir the directory the run's trained model was saved into, or null when none was kept
 */
public record TrialOutcome(
    TrialState state, String reason, double value, TrainResult result, String modelDir) {
  public TrialOutcome {
    Objects.requireNonNull(state, "state");
    if (!state.isFinished()) {
      throw new IllegalArgumentException("an outcome must be a finished state, got " + state);
    }
  }

  /** Creates an outcome that kept no model. */
  public TrialOutcome(TrialState state, String reason, double value, TrainResult result) {
    this(state, reason, value, result, null);
  }

  /** Returns this outcome with its model kept in {@code dir}. */
  public TrialOutcome withModelDir(String dir) {
    return new TrialOutcome(state, reason, value, result, dir);
  }
}
