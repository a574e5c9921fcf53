package dev.mnistlab.model;

import java.util.List;

/**
 * Describes a model layer by layer: output shapes and parameter counts, as a plain value that
 * terminal tables and reports draw from.
 *
 * @param inputShape the shape one example enters with, {@code 784} or {@code 1x28x28}
 * @param rows one row per layer, in order
 * @param totalParameters the sum of the rows' trainable parameters
 */
public record ModelSummary(String inputShape, List<Row> rows, long totalParameters) {

  /** Checks that there are rows and that the total is their sum. */
  public ModelSummary {
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a model summary needs at least one row");
    }
    long sum = rows.stream().mapToLong(Row::parameters).sum();
    if (sum != totalParameters) {
      throw new IllegalArgumentException(
          "total parameters must be the sum of the rows, " + sum + ", got " + totalParameters);
    }
  }

  /**
   * Describes one layer.
   *
   * @param index the 1-based position of the layer in the spec
   * @param layer the layer's canonical text, for example {@code linear(64)}
   * @param outputShape the shape after the layer without the batch axis, e.g. {@code 32x13x13}
   * @param parameters trainable parameters (batchnorm's running statistics are not counted)
   */
  public record Row(int index, String layer, String outputShape, long parameters) {
    /** Checks that the index is >= 1 and the count is not negative. */
    public Row {
      if (index < 1) {
        throw new IllegalArgumentException("row index must be >= 1, got " + index);
      }
      if (parameters < 0) {
        throw new IllegalArgumentException("parameters must be >= 0, got " + parameters);
      }
    }
  }
}
