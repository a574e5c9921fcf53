package dev.mnistlab.search;

import java.util.List;

/**
 * Holds one finished trial's objective value at each epoch it trained, for a pruner.
 *
 * @param number the trial's number in its study
 * @param values the objective after epochs 1, 2, ... (pruned trials stop early)
 */
public record Curve(int number, List<Double> values) {
  public Curve {
    values = List.copyOf(values);
  }

  /** Returns the value after {@code epoch} (1-based), or NaN if it did not train that far. */
  public double at(int epoch) {
    return epoch >= 1 && epoch <= values.size() ? values.get(epoch - 1) : Double.NaN;
  }
}
