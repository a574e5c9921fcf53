package dev.mnistlab.analysis;

import java.util.Objects;

/**
 * Holds one cell of a two-factor grid and the runs made with it, the input of {@link
 * GridEffect#of}.
 *
 * @param rowLabel the row factor's value as the report writes it, e.g. {@code 0.001}
 * @param rowValue that value as a number, or NaN for a categorical factor
 * @param columnLabel the column factor's value as the report writes it, e.g. {@code 100}
 * @param columnValue that value as a number, or NaN for a categorical factor
 * @param trial the runs over seeds with this pair of values
 */
public record GridCell(
    String rowLabel, double rowValue, String columnLabel, double columnValue, TrialRuns trial) {

  public GridCell {
    requireLabel("row", rowLabel);
    requireLabel("column", columnLabel);
    if (Double.isInfinite(rowValue) || Double.isInfinite(columnValue)) {
      throw new IllegalArgumentException(
          "grid values must be finite, or NaN for a categorical "
              + "factor, got "
              + rowValue
              + " x "
              + columnValue);
    }
    Objects.requireNonNull(trial, "trial");
  }

  private static void requireLabel(String which, String label) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException(
          "grid " + which + " label must not be blank, got '" + label + "'");
    }
  }
}
