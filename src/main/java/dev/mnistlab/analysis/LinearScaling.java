package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks whether the best value of one factor grows with another: with the learning rate on rows
 * and the batch size on columns, the linear-scaling rule (Goyal et al. 2017) says the best learning
 * rate grows in proportion to the batch size, x2 per doubling; square-root scaling (Krizhevsky
 * 2014; Hoffer et al. 2017) says x1.41.
 *
 * @param columnValues the column values that have a best row, ascending
 * @param bestRowValues the best row value at each of them
 * @param monotone whether the best row value never falls as the column value grows
 * @param grows whether it is monotone and larger at the largest column than at the smallest
 * @param exponent the least-squares slope of ln(best row value) on ln(column value): 1 for the
 *     linear-scaling rule, 0.5 for square-root scaling, 0 for no dependence
 * @param ratioPerDoubling {@code 2^exponent}: how much the best row value changes each time the
 *     column value doubles
 */
public record LinearScaling(
    List<Double> columnValues,
    List<Double> bestRowValues,
    boolean monotone,
    boolean grows,
    double exponent,
    double ratioPerDoubling) {

  public LinearScaling {
    columnValues = List.copyOf(columnValues);
    bestRowValues = List.copyOf(bestRowValues);
    requirePairs(columnValues.size(), bestRowValues.size());
  }

  /**
   * Returns the check over (column value, best row value) pairs, in any order.
   *
   * @throws IllegalArgumentException when there are fewer than two pairs, the lists differ in
   *     length, or a value is not a finite number above 0 (the fit is on logarithms)
   */
  public static LinearScaling of(List<Double> columnValues, List<Double> bestRowValues) {
    requirePairs(columnValues.size(), bestRowValues.size());
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < columnValues.size(); i++) {
      double x = columnValues.get(i);
      double y = bestRowValues.get(i);
      if (!(x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y))) {
        throw new IllegalArgumentException(
            "scaling needs values > 0 (it fits logarithms), got "
                + "column "
                + x
                + " with best row "
                + y);
      }
      points.add(new double[] {x, y});
    }
    points.sort(Comparator.comparingDouble(p -> p[0]));
    boolean monotone = true;
    for (int i = 1; i < points.size(); i++) {
      monotone &= points.get(i)[1] >= points.get(i - 1)[1];
    }
    boolean grows = monotone && points.get(points.size() - 1)[1] > points.get(0)[1];
    double exponent =
        LogSlope.of(
            points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray());
    return new LinearScaling(
        points.stream().map(p -> p[0]).toList(),
        points.stream().map(p -> p[1]).toList(),
        monotone,
        grows,
        exponent,
        Math.pow(2, exponent));
  }

  private static void requirePairs(int columns, int rows) {
    if (columns != rows || columns < 2) {
      throw new IllegalArgumentException(
          "scaling needs the same number (>= 2) of column values "
              + "and best row values, got "
              + columns
              + " and "
              + rows);
    }
  }
}
