package dev.mnistlab.analysis;

import java.util.Objects;

/**
 * Holds one value of a swept factor and the runs made with it, the input of {@link
 * FactorEffect#of}.
 *
 * @param label the value as the report writes it, e.g. {@code 0.001}, {@code 100} or {@code adam};
 *     findings write it after the factor's name ("lr 0.001")
 * @param value the value as a number, placed on the chart's x axis, for a numeric factor; NaN for a
 *     categorical one (optimizer, layers)
 * @param trial the runs over seeds with this value
 */
public record FactorLevel(String label, double value, TrialRuns trial) {

  public FactorLevel {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException(
          "factor level label must not be blank, got '" + label + "'");
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "factor level value must be finite, or NaN for a "
              + "categorical factor, got "
              + value
              + " for '"
              + label
              + "'");
    }
    Objects.requireNonNull(trial, "trial");
  }

  /** Returns whether the value is a number (the factor is numeric), not a category. */
  public boolean numeric() {
    return !Double.isNaN(value);
  }
}
