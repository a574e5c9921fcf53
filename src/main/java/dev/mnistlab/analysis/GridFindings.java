package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says in plain sentences, with their numbers, what a {@link GridEffect} found. */
final class GridFindings {
  private GridFindings() {}

  /** Returns the findings: best cell, best row per column, the scaling check, divergence. */
  static List<String> of(GridEffect grid) {
    List<String> findings = new ArrayList<>();
    FactorEffect cells = grid.cells();
    LevelSummary best = cells.bestLevel();
    if (best == null) {
      findings.add("No cell has a result: every run diverged or failed.");
    } else {
      findings.add(
          "Best cell: "
              + cells.name(best)
              + ", final validation accuracy "
              + Wording.band(best.finalValAccuracy())
              + ".");
      FactorFindings.noise(cells, findings);
    }
    boolean uncertain = false;
    for (int c = 0; c < grid.columns().size(); c++) {
      FactorEffect column = grid.byColumn().get(c);
      String at = grid.columnFactor() + " " + grid.columns().get(c) + ": ";
      LevelSummary top = column.bestLevel();
      if (top == null) {
        findings.add(
            at + "no " + grid.rowFactor() + " has a result (every run diverged or " + "failed).");
        continue;
      }
      String text =
          at
              + "best "
              + grid.rowFactor()
              + " "
              + top.label()
              + " with "
              + Wording.band(top.finalValAccuracy());
      List<String> within = column.withinNoise();
      if (!column.noiseMeasured()) {
        text += "; noise cannot be measured";
        uncertain |= column.levels().stream().filter(LevelSummary::hasResult).count() > 1;
      } else if (within.isEmpty()) {
        text += "; no other " + grid.rowFactor() + " within seed noise";
      } else {
        text += "; within seed noise: " + String.join(", ", within);
        uncertain = true;
      }
      findings.add(text + ".");
    }
    scaling(grid, uncertain, findings);
    for (LevelSummary level : cells.levels()) {
      if (level.diverged() > 0) {
        findings.add(FactorFindings.divergence(cells, level));
      }
    }
    return List.copyOf(findings);
  }

  private static void scaling(GridEffect grid, boolean uncertain, List<String> findings) {
    LinearScaling s = grid.scaling();
    String row = grid.rowFactor();
    String column = grid.columnFactor();
    if (s == null) {
      findings.add(
          "Whether the best "
              + row
              + " grows with "
              + column
              + " cannot be checked: "
              + "that needs numbers above 0 on both axes and a best "
              + row
              + " in two or more "
              + "columns.");
      return;
    }
    int last = s.columnValues().size() - 1;
    String trend =
        String.format(
            Locale.ROOT,
            "x%.2f per doubling of %s (least-squares " + "exponent %.2f)",
            s.ratioPerDoubling(),
            column,
            s.exponent());
    String text;
    if (s.grows()) {
      text =
          "The best "
              + row
              + " grows with "
              + column
              + ": from "
              + rowLabel(grid, s, 0)
              + " at "
              + columnLabel(grid, s, 0)
              + " to "
              + rowLabel(grid, s, last)
              + " at "
              + columnLabel(grid, s, last)
              + ", "
              + trend
              + ".";
    } else if (s.monotone()) {
      text =
          "The best "
              + row
              + " does not grow with "
              + column
              + ": it stays at "
              + rowLabel(grid, s, 0)
              + " from "
              + columnLabel(grid, s, 0)
              + " to "
              + columnLabel(grid, s, last)
              + ".";
    } else {
      List<String> points = new ArrayList<>();
      for (int i = 0; i <= last; i++) {
        points.add(rowLabel(grid, s, i) + " at " + columnLabel(grid, s, i));
      }
      text =
          "The best "
              + row
              + " does not grow with "
              + column
              + ": "
              + String.join(", ", points)
              + "; the overall trend is "
              + trend
              + ".";
    }
    findings.add(
        text
            + " The linear-scaling rule predicts x2 per doubling (exponent 1), "
            + "square-root scaling x1.41 (exponent 0.5).");
    if (uncertain) {
      findings.add(
          "Each column's best "
              + row
              + " is picked by its mean; where other values "
              + "are within seed noise of it, or noise cannot be measured, the trend is less "
              + "certain than these numbers suggest.");
    }
  }

  private static String rowLabel(GridEffect grid, LinearScaling s, int i) {
    return label(grid.rows(), grid.rowValues(), s.bestRowValues().get(i));
  }

  private static String columnLabel(GridEffect grid, LinearScaling s, int i) {
    return label(grid.columns(), grid.columnValues(), s.columnValues().get(i));
  }

  /** Returns the label written for {@code value}: the user's spelling, e.g. "1e-3". */
  private static String label(List<String> labels, List<Double> values, double value) {
    int i = values.indexOf(value);
    return i < 0 ? String.format(Locale.ROOT, "%.4g", value) : labels.get(i);
  }
}
