package dev.mnistlab.report;

import dev.mnistlab.analysis.OptimizationHistory;
import dev.mnistlab.analysis.ParallelCoordinates;
import dev.mnistlab.analysis.ParamImportances;
import dev.mnistlab.analysis.SearchCurves;
import dev.mnistlab.analysis.SearchParam;
import dev.mnistlab.analysis.SearchTrial;
import dev.mnistlab.analysis.SliceData;
import dev.mnistlab.analysis.TrialTimeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the charts of a search's analysis as PNGs, the same pictures the HTML page draws with
 * ECharts, without the interaction: history, importances with intervals, slices in rows of three,
 * parallel coordinates (each axis scaled to its own range, the top tenth of trials drawn dark), the
 * timeline by worker and the chosen trials' curves. Lines broken by NaN leave gaps, which is how a
 * missing conditional parameter and the space between two bars show.
 *
 * <p>Runs headless; thread-safe.
 */
final class PngSearchCharts {
  private static final int WIDE = 1000;
  private static final int PANEL = 400;
  private static final Color GREY = Color.decode("#bab0ac");
  private static final Color BLUE = Color.decode(PngCharts.PALETTE.get(0));
  private static final Color RED = Color.decode(PngCharts.PALETTE.get(2));

  private PngSearchCharts() {}

  /** Writes {@code chart} as a PNG to {@code file}, atomically. */
  static void write(Block.SearchChart chart, Path file) throws IOException {
    ReportFiles.write(file, png(chart));
  }

  /** Returns {@code chart} encoded as a PNG. */
  static byte[] png(Block.SearchChart chart) throws IOException {
    List<Chart<?, ?>> panels;
    int columns = 1;
    if (chart instanceof Block.HistoryChart c) {
      panels = List.of(history(c));
    } else if (chart instanceof Block.ImportanceChart c) {
      panels = List.of(importance(c));
    } else if (chart instanceof Block.SliceCharts c) {
      panels = slices(c);
      columns = Math.max(1, Math.min(3, panels.size()));
    } else if (chart instanceof Block.ParallelChart c) {
      panels = List.of(parallel(c));
    } else if (chart instanceof Block.TimelineChart c) {
      panels = List.of(timeline(c));
    } else {
      panels = curves((Block.TrialCurvesChart) chart);
      columns = panels.size();
    }
    int rows = (panels.size() + columns - 1) / columns;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BitmapEncoder.saveBitmap(panels, rows, columns, bytes, BitmapEncoder.BitmapFormat.PNG);
    return bytes.toByteArray();
  }

  private static XYChart chart(int width, int height, String title, String x, String y) {
    XYChart xy =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    XYStyler styler = xy.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.InsideSE);
    styler.setPlotGridLinesColor(new Color(0xe5e5e5));
    return xy;
  }

  /** Keeps XChart drawing an empty panel: an invisible point holds the axes. */
  private static void placeholder(XYChart xy) {
    XYSeries none = xy.addSeries("no data", new double[] {0}, new double[] {0});
    none.setMarker(SeriesMarkers.NONE);
    none.setLineColor(new Color(0, 0, 0, 0));
    xy.getStyler().setLegendVisible(false);
  }

  private static XYChart history(Block.HistoryChart c) {
    XYChart xy = chart(WIDE, PANEL, c.title(), "trial", c.objective());
    List<OptimizationHistory.Point> points = c.history().points();
    scatter(xy, "complete", points, p -> p.state() == SearchTrial.State.COMPLETE, BLUE, 6);
    scatter(xy, "pruned", points, p -> p.state() == SearchTrial.State.PRUNED, GREY, 4);
    List<OptimizationHistory.Point> best =
        points.stream().filter(p -> !Double.isNaN(p.best())).toList();
    if (!best.isEmpty()) {
      XYSeries line =
          xy.addSeries(
              "best so far",
              best.stream().mapToDouble(OptimizationHistory.Point::number).toArray(),
              best.stream().mapToDouble(OptimizationHistory.Point::best).toArray());
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(RED);
      line.setLineStyle(new BasicStroke(2f));
    }
    if (xy.getSeriesMap().isEmpty()) {
      placeholder(xy);
    }
    return xy;
  }

  private static void scatter(
      XYChart xy,
      String name,
      List<OptimizationHistory.Point> points,
      java.util.function.Predicate<OptimizationHistory.Point> keep,
      Color colour,
      int size) {
    List<OptimizationHistory.Point> kept = points.stream().filter(keep).toList();
    if (kept.isEmpty()) {
      return;
    }
    XYSeries s =
        xy.addSeries(
            name,
            kept.stream().mapToDouble(OptimizationHistory.Point::number).toArray(),
            kept.stream().mapToDouble(OptimizationHistory.Point::value).toArray());
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(colour);
    xy.getStyler().setMarkerSize(size);
  }

  /**
   * Draws importances as bars, most important first, with the interval's ends as markers: XChart's
   * error bars are symmetric and bootstrap intervals are not.
   */
  private static Chart<?, ?> importance(Block.ImportanceChart c) {
    List<ParamImportances.Importance> all = c.importances().importances();
    CategoryChart bars =
        new CategoryChartBuilder()
            .width(Math.max(500, 160 + 90 * all.size()))
            .height(PANEL)
            .title(c.title())
            .xAxisTitle("parameter")
            .yAxisTitle("importance")
            .build();
    bars.getStyler().setChartBackgroundColor(Color.WHITE);
    bars.getStyler().setPlotBackgroundColor(Color.WHITE);
    bars.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    bars.getStyler().setOverlapped(true);
    bars.getStyler().setYAxisMin(0.0);
    if (all.isEmpty()) {
      bars.addSeries("no parameters", List.of("none"), List.of(0.0));
      bars.getStyler().setLegendVisible(false);
      return bars;
    }
    List<String> names = all.stream().map(ParamImportances.Importance::param).toList();
    CategorySeries value =
        bars.addSeries(
            "importance", names, all.stream().map(ParamImportances.Importance::value).toList());
    value.setFillColor(BLUE);
    if (all.stream().allMatch(i -> Double.isFinite(i.low()))) {
      CategorySeries low =
          bars.addSeries(
              "2.5th percentile",
              names,
              all.stream().map(ParamImportances.Importance::low).toList());
      CategorySeries high =
          bars.addSeries(
              "97.5th percentile",
              names,
              all.stream().map(ParamImportances.Importance::high).toList());
      for (CategorySeries end : List.of(low, high)) {
        end.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        end.setMarkerColor(Color.DARK_GRAY);
      }
      low.setMarker(SeriesMarkers.TRIANGLE_UP);
      high.setMarker(SeriesMarkers.TRIANGLE_DOWN);
    }
    return bars;
  }

  private static List<Chart<?, ?>> slices(Block.SliceCharts c) {
    List<Chart<?, ?>> panels = new ArrayList<>();
    for (SliceData slice : c.slices()) {
      SearchParam p = slice.param();
      XYChart xy = chart(PANEL, 300, p.name(), p.name(), c.objective());
      xy.getStyler().setLegendVisible(false);
      xy.getStyler().setMarkerSize(5);
      if (slice.points().isEmpty()) {
        placeholder(xy);
        xy.setTitle(p.name() + " (no trials)");
        panels.add(xy);
        continue;
      }
      if (p.kind() == SearchParam.Kind.CHOICE) {
        // One series per choice, so the legend names what each position on the axis is.
        xy.getStyler().setLegendVisible(true);
        xy.setXAxisTitle(p.name() + " (choices in the space's order)");
        for (int i = 0; i < p.choices().size(); i++) {
          int choice = i;
          List<SliceData.Point> points =
              slice.points().stream().filter(q -> q.x() == choice).toList();
          if (points.isEmpty()) {
            continue;
          }
          XYSeries s =
              xy.addSeries(
                  String.valueOf(p.choices().get(i)),
                  points.stream().mapToDouble(SliceData.Point::x).toArray(),
                  points.stream().mapToDouble(SliceData.Point::value).toArray());
          s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          s.setMarker(SeriesMarkers.CIRCLE);
          s.setMarkerColor(Color.decode(PngCharts.PALETTE.get(i % PngCharts.PALETTE.size())));
        }
        xy.getStyler().setXAxisMin(-0.5);
        xy.getStyler().setXAxisMax(p.choices().size() - 0.5);
      } else {
        XYSeries s =
            xy.addSeries(
                "trials",
                slice.points().stream().mapToDouble(SliceData.Point::x).toArray(),
                slice.points().stream().mapToDouble(SliceData.Point::value).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(new Color(78, 121, 167, 150));
        xy.getStyler().setXAxisLogarithmic(p.log());
      }
      panels.add(xy);
    }
    if (panels.isEmpty()) {
      XYChart xy = chart(PANEL, 300, c.title(), "", c.objective());
      placeholder(xy);
      panels.add(xy);
    }
    return panels;
  }

  private static XYChart parallel(Block.ParallelChart c) {
    ParallelCoordinates data = c.data();
    List<SearchParam> params = data.params();
    int axes = params.size() + 1;
    List<String> names = new ArrayList<>(params.stream().map(SearchParam::name).toList());
    names.add(c.objective());
    List<String> numbered = new ArrayList<>();
    for (int a = 0; a < names.size(); a++) {
      numbered.add(a + " " + names.get(a));
    }
    XYChart xy =
        chart(
            WIDE,
            420,
            c.title(),
            "axes: " + String.join(", ", numbered),
            "position within each axis's range");
    xy.getStyler().setYAxisMin(0.0);
    xy.getStyler().setYAxisMax(1.0);
    xy.getStyler().setXAxisMin(0.0);
    xy.getStyler().setXAxisMax(axes - 1.0);
    if (data.rows().isEmpty()) {
      placeholder(xy);
      return xy;
    }
    double[][] scaled = new double[data.rows().size()][axes];
    for (int a = 0; a < axes; a++) {
      int axis = a;
      ToDoubleFunction<ParallelCoordinates.Row> value =
          axis < params.size()
              ? r -> position(params.get(axis), r.values().get(axis))
              : r -> r.value();
      double[] v = data.rows().stream().mapToDouble(value).toArray();
      double low = Arrays.stream(v).filter(Double::isFinite).min().orElse(0);
      double high = Arrays.stream(v).filter(Double::isFinite).max().orElse(1);
      if (axis < params.size() && params.get(axis).kind() == SearchParam.Kind.CHOICE) {
        low = 0;
        high = Math.max(1, params.get(axis).choices().size() - 1);
      }
      for (int r = 0; r < v.length; r++) {
        scaled[r][a] = high > low ? (v[r] - low) / (high - low) : 0.5;
      }
    }
    double[] objective =
        data.rows().stream().mapToDouble(ParallelCoordinates.Row::value).sorted().toArray();
    int topCount = Math.max(1, (int) Math.ceil(objective.length * 0.1));
    boolean maximize = true;
    double cutoff = objective[objective.length - topCount];
    List<Double> topX = new ArrayList<>();
    List<Double> topY = new ArrayList<>();
    List<Double> restX = new ArrayList<>();
    List<Double> restY = new ArrayList<>();
    for (int r = 0; r < scaled.length; r++) {
      boolean top = maximize && data.rows().get(r).value() >= cutoff;
      List<Double> xs = top ? topX : restX;
      List<Double> ys = top ? topY : restY;
      for (int a = 0; a < axes; a++) {
        xs.add((double) a);
        ys.add(scaled[r][a]);
      }
      xs.add(Double.NaN);
      ys.add(Double.NaN);
    }
    line(xy, "other trials", restX, restY, new Color(186, 176, 172, 110), 1f);
    line(xy, "top tenth by " + c.objective(), topX, topY, BLUE, 1.5f);
    return xy;
  }

  /** A parameter's value on a linear scale for drawing: its log for log parameters. */
  private static double position(SearchParam p, double v) {
    return p.log() && v > 0 ? Math.log(v) : v;
  }

  private static void line(
      XYChart xy, String name, List<Double> x, List<Double> y, Color colour, float width) {
    if (x.isEmpty()) {
      return;
    }
    XYSeries s = xy.addSeries(name, unbox(x), unbox(y));
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(colour);
    s.setLineStyle(new BasicStroke(width));
  }

  private static XYChart timeline(Block.TimelineChart c) {
    TrialTimeline t = c.timeline();
    int workers = t.workers().size();
    List<String> rows = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      rows.add(w + " " + t.workers().get(w));
    }
    XYChart xy =
        chart(
            WIDE,
            Math.max(220, 140 + 44 * workers),
            c.title(),
            "seconds since the first start",
            "worker: " + String.join(", ", rows));
    if (t.bars().isEmpty()) {
      placeholder(xy);
      return xy;
    }
    xy.getStyler()
        .setYAxisMin(-0.5)
        .setYAxisMax(workers - 0.5)
        .setLegendPosition(Styler.LegendPosition.OutsideS);
    for (SearchTrial.State state : SearchTrial.State.values()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (TrialTimeline.Bar b : t.bars()) {
        if (b.state() == state) {
          double row = t.workers().indexOf(b.worker());
          x.addAll(List.of(b.start(), Math.max(b.end(), b.start() + 1e-3), Double.NaN));
          y.addAll(List.of(row, row, Double.NaN));
        }
      }
      line(xy, state.name().toLowerCase(Locale.ROOT), x, y, stateColour(state), 14f);
    }
    return xy;
  }

  private static Color stateColour(SearchTrial.State state) {
    return switch (state) {
      case COMPLETE -> BLUE;
      case PRUNED -> GREY;
      case RUNNING -> Color.decode(PngCharts.PALETTE.get(1));
      case DIVERGED -> RED;
      case FAILED -> Color.decode(PngCharts.PALETTE.get(8));
      case WAITING -> Color.decode(PngCharts.PALETTE.get(5));
    };
  }

  private static List<Chart<?, ?>> curves(Block.TrialCurvesChart c) {
    List<Chart<?, ?>> panels = new ArrayList<>();
    List<SearchCurves.Curve> curves = c.curves().curves();
    String[][] metrics = {
      {"Training loss", "loss"}, {"Validation loss", "loss"}, {"Validation accuracy", "accuracy"}
    };
    for (int m = 0; m < metrics.length; m++) {
      XYChart xy = chart(PANEL, PANEL, metrics[m][0], "epoch", metrics[m][1]);
      xy.getStyler()
          .setLegendVisible(m == 2 && !curves.isEmpty())
          .setLegendPosition(Styler.LegendPosition.InsideSE);
      boolean positive = true;
      double low = Double.POSITIVE_INFINITY;
      double high = 0;
      for (int k = 0; k < curves.size(); k++) {
        List<Double> values = metric(curves.get(k), m);
        for (double v : values) {
          if (Double.isFinite(v)) {
            positive &= v > 0;
            low = Math.min(low, v);
            high = Math.max(high, v);
          }
        }
        double[] x = new double[values.size()];
        Arrays.setAll(x, i -> i + 1);
        XYSeries s = xy.addSeries("trial " + curves.get(k).number(), x, unbox(values));
        s.setMarker(values.size() < 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        Color colour = Color.decode(PngCharts.PALETTE.get(k % PngCharts.PALETTE.size()));
        s.setLineColor(colour);
        s.setMarkerColor(colour);
      }
      // Losses of trials that differ by orders of magnitude fit only a log axis.
      if (m < 2 && positive && high / low > 20) {
        xy.getStyler().setYAxisLogarithmic(true);
      }
      if (xy.getSeriesMap().isEmpty()) {
        placeholder(xy);
      }
      panels.add(xy);
    }
    return panels;
  }

  private static List<Double> metric(SearchCurves.Curve curve, int m) {
    return switch (m) {
      case 0 -> curve.trainLoss();
      case 1 -> curve.valLoss();
      default -> curve.valAccuracy();
    };
  }

  private static double[] unbox(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
