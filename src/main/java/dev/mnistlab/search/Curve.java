package dev.mnistlab.search;

import java.util.List;

/**
 * Holds one earlier trial's objective value at each epoch it trained, for a pruner.
 *
 * @param number the trial's number in its study
 * @param values the objective after epochs 1, 2, ... (pruned trials stop early; a pruner may also
 *     be given only the first k epochs of a longer trial)
 * @param complete whether the trial finished all its epochs and is stored complete, as opposed to
 *     pruned, failed or still running
 */
public record Curve(int number, List<Double> values, boolean complete) {
  public Curve {
    values = List.copyOf(values);
  }

  /** Returns the curve of a trial that finished complete. */
  public Curve(int number, List<Double> values) {
    this(number, values, true);
  }

  /** Returns the value after {@code epoch} (1-based), or NaN if it did not train that far. */
  public double at(int epoch) {
    return epoch >= 1 && epoch <= values.size() ? values.get(epoch - 1) : Double.NaN;
  }
}
