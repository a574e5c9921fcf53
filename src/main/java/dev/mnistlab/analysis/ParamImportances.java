package dev.mnistlab.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Holds how much each parameter of a search mattered for reaching its best trials, with an interval
 * from bootstrap resamples of the trials, most important first.
 *
 * @param method how the importances were computed, in words a report can print
 * @param trials how many complete trials they were computed from
 * @param resamples how many bootstrap resamples the intervals come from (0: no intervals)
 * @param importances one per parameter that can take more than one value, most important first
 */
public record ParamImportances(
    String method, int trials, int resamples, List<Importance> importances) {

  /**
   * One parameter's importance. Importances of a search sum to 1.
   *
   * @param param the parameter's name
   * @param value its share of the importance, from all the trials
   * @param low the 2.5th percentile over the resamples (NaN without resamples)
   * @param high the 97.5th percentile over the resamples (NaN without resamples)
   * @param applied how many of the complete trials it applied to (fewer for a conditional one)
   */
  public record Importance(String param, double value, double low, double high, int applied) {
    public Importance {
      Objects.requireNonNull(param, "param");
    }
  }

  public ParamImportances {
    Objects.requireNonNull(method, "method");
    importances = List.copyOf(importances);
  }

  /** Returns the importance of {@code param}, or null when it has none. */
  public Importance of(String param) {
    return importances.stream().filter(i -> i.param().equals(param)).findFirst().orElse(null);
  }
}
