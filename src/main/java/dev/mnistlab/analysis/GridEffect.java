package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds what a two-factor grid did (e.g. learning rate by batch size): per column, the row factor's
 * effect as a {@link FactorEffect} (best row, rows within noise, divergence); over all cells, the
 * best cell and the cells within noise of it; and, when both factors are numbers above 0, whether
 * the best row value grows with the column value ({@link LinearScaling}). Diverged runs count as in
 * {@link LevelSummary}: apart, not as 0.
 *
 * @param rowFactor the row factor's name, e.g. {@code lr}
 * @param columnFactor the column factor's name, e.g. {@code batch_size}
 * @param rows the row labels, in the order of first appearance among the cells
 * @param rowValues the row values (NaN for a categorical factor)
 * @param columns the column labels, in the order of first appearance among the cells
 * @param columnValues the column values (NaN for a categorical factor)
 * @param byColumn per column, the row factor's effect at that column value
 * @param cells every cell as one value of a factor named after the row factor, labelled {@code
 *     "<row>, <columnFactor> <column>"}, row by row
 * @param scaling the best row value against the column value; null unless every value is a number
 *     above 0 and at least two columns have a best row
 */
public record GridEffect(
    String rowFactor,
    String columnFactor,
    List<String> rows,
    List<Double> rowValues,
    List<String> columns,
    List<Double> columnValues,
    List<FactorEffect> byColumn,
    FactorEffect cells,
    LinearScaling scaling) {

  public GridEffect {
    Objects.requireNonNull(rowFactor, "rowFactor");
    Objects.requireNonNull(columnFactor, "columnFactor");
    rows = List.copyOf(rows);
    rowValues = List.copyOf(rowValues);
    columns = List.copyOf(columns);
    columnValues = List.copyOf(columnValues);
    byColumn = List.copyOf(byColumn);
    Objects.requireNonNull(cells, "cells");
    int rowCount = rows.size();
    if (rowValues.size() != rowCount
        || columnValues.size() != columns.size()
        || byColumn.size() != columns.size()
        || cells.levels().size() != rowCount * columns.size()
        || byColumn.stream().anyMatch(f -> f.levels().size() != rowCount)) {
      throw new IllegalArgumentException(
          "a grid needs one value and one effect per row and "
              + "column, got "
              + rows.size()
              + " rows and "
              + columns.size()
              + " columns with "
              + byColumn.size()
              + " column effects and "
              + cells.levels().size()
              + " cells");
    }
  }

  /**
   * Returns the effect of a full grid: one cell per row value and column value.
   *
   * @param rowFactor the row factor's name, e.g. {@code lr}
   * @param columnFactor the column factor's name, e.g. {@code batch_size}
   * @param rowLogScale whether the row values lie on a log grid
   * @param cells the cells, in any order; rows and columns appear in the order first seen
   * @throws IllegalArgumentException when a row and column pair has no cell or more than one, or
   *     one label comes with two different values
   */
  public static GridEffect of(
      String rowFactor, String columnFactor, boolean rowLogScale, List<GridCell> cells) {
    Map<String, Double> rows = new LinkedHashMap<>();
    Map<String, Double> columns = new LinkedHashMap<>();
    Map<List<String>, GridCell> byKey = new LinkedHashMap<>();
    for (GridCell cell : cells) {
      requireOneValue(rowFactor, rows, cell.rowLabel(), cell.rowValue());
      requireOneValue(columnFactor, columns, cell.columnLabel(), cell.columnValue());
      if (byKey.put(List.of(cell.rowLabel(), cell.columnLabel()), cell) != null) {
        throw new IllegalArgumentException(
            "a grid needs one cell per pair of values, got two "
                + "for "
                + rowFactor
                + " "
                + cell.rowLabel()
                + ", "
                + columnFactor
                + " "
                + cell.columnLabel());
      }
    }
    List<FactorEffect> byColumn = new ArrayList<>();
    List<FactorLevel> all = new ArrayList<>();
    for (String column : columns.keySet()) {
      List<FactorLevel> levels = new ArrayList<>();
      for (Map.Entry<String, Double> row : rows.entrySet()) {
        GridCell cell = byKey.get(List.of(row.getKey(), column));
        if (cell == null) {
          throw new IllegalArgumentException(
              "a grid needs one cell per pair of values, got "
                  + "none for "
                  + rowFactor
                  + " "
                  + row.getKey()
                  + ", "
                  + columnFactor
                  + " "
                  + column);
        }
        levels.add(new FactorLevel(row.getKey(), row.getValue(), cell.trial()));
      }
      byColumn.add(FactorEffect.of(rowFactor, levels, rowLogScale));
    }
    for (String row : rows.keySet()) {
      for (String column : columns.keySet()) {
        all.add(
            new FactorLevel(
                row + ", " + columnFactor + " " + column,
                Double.NaN,
                byKey.get(List.of(row, column)).trial()));
      }
    }
    List<String> columnLabels = List.copyOf(columns.keySet());
    return new GridEffect(
        rowFactor,
        columnFactor,
        List.copyOf(rows.keySet()),
        List.copyOf(rows.values()),
        columnLabels,
        List.copyOf(columns.values()),
        byColumn,
        FactorEffect.of(rowFactor, all, false),
        scaling(rows, columns, byColumn));
  }

  /** Records {@code label}'s value, or fails when an earlier cell gave it another one. */
  private static void requireOneValue(
      String factor, Map<String, Double> values, String label, double value) {
    Double known = values.putIfAbsent(label, value);
    if (known != null && Double.compare(known, value) != 0) {
      throw new IllegalArgumentException(
          "a grid value's label must mean one value, got "
              + factor
              + " "
              + label
              + " as "
              + known
              + " and "
              + value);
    }
  }

  private static LinearScaling scaling(
      Map<String, Double> rows, Map<String, Double> columns, List<FactorEffect> byColumn) {
    boolean positive =
        rows.values().stream().allMatch(v -> v > 0)
            && columns.values().stream().allMatch(v -> v > 0);
    if (!positive) {
      return null;
    }
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> columnValues = List.copyOf(columns.values());
    for (int c = 0; c < byColumn.size(); c++) {
      LevelSummary best = byColumn.get(c).bestLevel();
      if (best != null) {
        x.add(columnValues.get(c));
        y.add(best.value());
      }
    }
    return x.size() < 2 ? null : LinearScaling.of(x, y);
  }

  /** Returns the summary of the cell at row {@code r} and column {@code c} (0-based). */
  public LevelSummary cell(int r, int c) {
    return byColumn.get(c).levels().get(r);
  }

  /** Returns the mean final validation accuracy per row and column; NaN without a result. */
  public List<List<Double>> meanAccuracy() {
    List<List<Double>> matrix = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<Double> row = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        row.add(cell(r, c).finalValAccuracy().mean());
      }
      matrix.add(List.copyOf(row));
    }
    return List.copyOf(matrix);
  }

  /** Returns the best cell's row index, or -1 when no cell has a result. */
  public int bestRow() {
    int best = bestIndex();
    return best < 0 ? -1 : best / columns.size();
  }

  /** Returns the best cell's column index, or -1 when no cell has a result. */
  public int bestColumn() {
    int best = bestIndex();
    return best < 0 ? -1 : best % columns.size();
  }

  private int bestIndex() {
    List<LevelSummary> levels = cells.levels();
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).standing() == Standing.BEST) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the findings in plain sentences with their numbers: the best cell and the cells within
   * noise of it, the best row value per column, whether it grows with the column value and by how
   * much per doubling, and which cells diverged.
   */
  public List<String> findings() {
    return GridFindings.of(this);
  }
}
