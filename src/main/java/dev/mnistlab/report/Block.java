package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
import dev.mnistlab.analysis.OptimizationHistory;
import dev.mnistlab.analysis.ParallelCoordinates;
import dev.mnistlab.analysis.ParamImportances;
import dev.mnistlab.analysis.SearchCurves;
import dev.mnistlab.analysis.SliceData;
import dev.mnistlab.analysis.TrialTimeline;
import java.util.List;
import java.util.Map;

/**
 * Is one piece of a report, which each renderer (terminal, Markdown, HTML) draws its own way.
 * Analysis code builds a list of blocks; renderers never compute anything.
 */
public sealed interface Block {
  /** A section title; level 1 is the report's title. */
  record Heading(int level, String text) implements Block {}

  /** A paragraph of plain text. */
  record Paragraph(String text) implements Block {}

  /** A bulleted list of plain-text items. */
  record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A table of plain-text cells; numeric columns are right-aligned on the terminal. */
  record Table(List<String> header, List<List<String>> rows) implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A chart of learning curves: one panel per metric (training loss, validation loss, validation
   * accuracy) with a mean line and a 95% band per trial. One trial per chart for a trial's own
   * curves; several for an overlay.
   */
  record CurvesChart(String id, String title, List<LearningCurves> trials) implements Block {
    public CurvesChart {
      trials = List.copyOf(trials);
    }
  }

  /**
   * A chart of results against the values of a swept factor: panels side by side, each with one or
   * more series that give, per value, a mean and its 95% band. The x axis is numeric (logarithmic
   * when {@code logX}) when {@code xs} holds one number per label, and categorical (the labels in
   * order) when {@code xs} is empty. Renderers draw a numeric series as a line over a band and a
   * categorical one as points with error bars.
   *
   * @param id names the chart's file and element; letters, digits, {@code _} and {@code -}
   * @param title the chart's caption
   * @param xAxis the x axis's label, e.g. {@code lr}
   * @param labels the factor's values as text, one per point
   * @param xs the factor's values as numbers, one per label; empty for a categorical factor
   * @param logX whether the x axis is logarithmic; needs every x above 0
   * @param panels at least one panel
   */
  record FactorChart(
      String id,
      String title,
      String xAxis,
      List<String> labels,
      List<Double> xs,
      boolean logX,
      List<Panel> panels)
      implements Block {
    public FactorChart {
      labels = List.copyOf(labels);
      xs = List.copyOf(xs);
      panels = List.copyOf(panels);
      if (!xs.isEmpty() && xs.size() != labels.size()) {
        throw new IllegalArgumentException(
            "factor chart xs must be empty (categorical) or "
                + "hold one number per label ("
                + labels.size()
                + "), got "
                + xs.size());
      }
      if (logX && (xs.isEmpty() || xs.stream().anyMatch(x -> !(x > 0 && Double.isFinite(x))))) {
        throw new IllegalArgumentException(
            "a logarithmic x axis needs a finite x > 0 per label, "
                + "got "
                + xs
                + " for chart '"
                + id
                + "'");
      }
      if (panels.isEmpty()) {
        throw new IllegalArgumentException("factor chart '" + id + "' needs at least one panel");
      }
      for (Panel panel : panels) {
        for (Series series : panel.series()) {
          if (series.points().size() != labels.size()) {
            throw new IllegalArgumentException(
                "series '"
                    + series.name()
                    + "' must have one "
                    + "point per label ("
                    + labels.size()
                    + "), got "
                    + series.points().size());
          }
        }
      }
    }

    /** Returns whether the x axis is numeric (else categorical). */
    public boolean numeric() {
      return !xs.isEmpty();
    }

    /** One panel: its title, its y axis's label and its series. */
    public record Panel(String title, String yAxis, List<Series> series) {
      public Panel {
        series = List.copyOf(series);
      }
    }

    /**
     * One series: its name and, per label, the mean and 95% band (a NaN mean leaves a gap; NaN or
     * equal ends leave out the band).
     */
    public record Series(String name, List<Band> points) {
      public Series {
        points = List.copyOf(points);
      }
    }
  }

  /**
   * A heatmap of one number per row and column, each cell coloured by its value and labelled with
   * its text. A NaN value (e.g. every run diverged) leaves the cell uncoloured, with its text still
   * shown where the renderer can.
   *
   * @param id names the chart's file and element; letters, digits, {@code _} and {@code -}
   * @param title the chart's caption
   * @param rowAxis the row factor's name, e.g. {@code lr}
   * @param columnAxis the column factor's name, e.g. {@code batch_size}
   * @param rows the row labels, top to bottom
   * @param columns the column labels, left to right
   * @param values one row of numbers per row label, one number per column
   * @param cells the text of each cell, same shape as {@code values}
   */
  record Heatmap(
      String id,
      String title,
      String rowAxis,
      String columnAxis,
      List<String> rows,
      List<String> columns,
      List<List<Double>> values,
      List<List<String>> cells)
      implements Block {
    public Heatmap {
      rows = List.copyOf(rows);
      columns = List.copyOf(columns);
      values = values.stream().map(List::copyOf).toList();
      cells = cells.stream().map(List::copyOf).toList();
      requireShape("values", values, rows.size(), columns.size());
      requireShape("cells", cells, rows.size(), columns.size());
    }

    private static void requireShape(
        String what, List<? extends List<?>> matrix, int rows, int columns) {
      if (matrix.size() != rows) {
        throw new IllegalArgumentException(
            "heatmap "
                + what
                + " must have one row per row "
                + "label ("
                + rows
                + "), got "
                + matrix.size());
      }
      for (int r = 0; r < rows; r++) {
        if (matrix.get(r).size() != columns) {
          throw new IllegalArgumentException(
              "heatmap "
                  + what
                  + " row "
                  + (r + 1)
                  + " must "
                  + "have one entry per column ("
                  + columns
                  + "), got "
                  + matrix.get(r).size());
        }
      }
    }
  }

  /**
   * A chart of a search's analysis, drawn from its JSON ({@link SearchJson}) by the page script,
   * and as PNG by {@link PngSearchCharts}.
   */
  sealed interface SearchChart extends Block
      permits HistoryChart,
          ImportanceChart,
          SliceCharts,
          ParallelChart,
          TimelineChart,
          TrialCurvesChart {
    /** Returns the name of the chart's file and element: letters, digits, _ and -. */
    String id();

    /** Returns the chart's caption. */
    String title();
  }

  /**
   * A search's optimization history: each finished trial's value by trial number (pruned trials
   * marked apart), with the best value so far as a step line.
   *
   * @param id names the chart's file and element
   * @param title the chart's caption
   * @param objective the objective's name, the y axis's label
   * @param history the points
   * @param tips per trial number, the text a tooltip shows (its parameters); may miss some
   */
  record HistoryChart(
      String id,
      String title,
      String objective,
      OptimizationHistory history,
      Map<Integer, String> tips)
      implements SearchChart {
    public HistoryChart {
      tips = Map.copyOf(tips);
    }
  }

  /**
   * A search's parameter importances as horizontal bars with their intervals, most important on
   * top.
   */
  record ImportanceChart(String id, String title, ParamImportances importances)
      implements SearchChart {}

  /**
   * One slice plot per parameter, side by side in rows: the objective against the parameter's
   * values, on a log axis for a log parameter and by choice for a choice.
   */
  record SliceCharts(String id, String title, String objective, List<SliceData> slices)
      implements SearchChart {
    public SliceCharts {
      slices = List.copyOf(slices);
    }
  }

  /**
   * The complete trials of a search as lines across one axis per parameter and one for the
   * objective; a parameter that does not apply to a trial is shown as missing.
   */
  record ParallelChart(String id, String title, String objective, ParallelCoordinates data)
      implements SearchChart {}

  /** When each trial of a search ran, one row per worker, coloured by how the trial ended. */
  record TimelineChart(String id, String title, TrialTimeline timeline) implements SearchChart {}

  /** Chosen trials' per-epoch curves, one line per trial, in the three metrics' panels. */
  record TrialCurvesChart(String id, String title, SearchCurves curves) implements SearchChart {}
}
