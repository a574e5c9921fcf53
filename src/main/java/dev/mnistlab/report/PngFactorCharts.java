package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a factor chart as one PNG of its panels side by side. On a numeric x axis (log when asked)
 * each series is a mean line with markers over a translucent band; on a categorical one, each value
 * is a marker with an error bar from the band's low to its high. NaN means are left out. Colours
 * follow {@link PngCharts#PALETTE}.
 *
 * <p>Runs headless; thread-safe.
 */
final class PngFactorCharts {
  /** The width of one panel. */
  static final int PANEL_WIDTH = 400;

  /** The image's height. */
  static final int HEIGHT = 400;

  private PngFactorCharts() {}

  /** Writes {@code chart} as a PNG to {@code file}, atomically. */
  static void write(Block.FactorChart chart, Path file) throws IOException {
    ReportFiles.write(file, png(chart));
  }

  /** Returns {@code chart} as a PNG, {@link #PANEL_WIDTH} wide per panel. */
  static byte[] png(Block.FactorChart chart) throws IOException {
    List<Chart<?, ?>> panels = new ArrayList<>();
    for (Block.FactorChart.Panel panel : chart.panels()) {
      panels.add(chart.numeric() ? numeric(chart, panel) : categorical(chart, panel));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BitmapEncoder.saveBitmap(panels, 1, panels.size(), bytes, BitmapEncoder.BitmapFormat.PNG);
    return bytes.toByteArray();
  }

  private static XYChart numeric(Block.FactorChart chart, Block.FactorChart.Panel panel) {
    XYChart xy =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(HEIGHT)
            .title(panel.title())
            .xAxisTitle(chart.xAxis())
            .yAxisTitle(panel.yAxis())
            .build();
    style(xy.getStyler(), panel);
    // No tick formatter here: XChart falls back to linear ticks when one is set.
    xy.getStyler().setXAxisLogarithmic(chart.logX());
    double[] x = chart.xs().stream().mapToDouble(Double::doubleValue).toArray();
    Set<String> names = new HashSet<>();
    for (int s = 0; s < panel.series().size(); s++) {
      Block.FactorChart.Series series = panel.series().get(s);
      Color colour = colour(s);
      PngCharts.band(xy, "\u0000band " + s, x, series.points(), colour);
      PngCharts.mean(xy, PngCharts.unique(series.name(), names), x, series.points(), colour);
    }
    if (xy.getSeriesMap().isEmpty()) {
      // XChart cannot draw an empty panel; an invisible point keeps the axes.
      XYSeries none = xy.addSeries("no data", new double[] {x[0]}, new double[] {1});
      none.setMarker(SeriesMarkers.NONE);
      none.setLineColor(new Color(0, 0, 0, 0));
      xy.setTitle(panel.title() + " (no data)");
      xy.getStyler().setLegendVisible(false);
    }
    return xy;
  }

  /** Returns a panel of one marker with an error bar per category and series. */
  private static CategoryChart categorical(Block.FactorChart chart, Block.FactorChart.Panel panel) {
    CategoryChart categories =
        new CategoryChartBuilder()
            .width(PANEL_WIDTH)
            .height(HEIGHT)
            .title(panel.title())
            .xAxisTitle(chart.xAxis())
            .yAxisTitle(panel.yAxis())
            .build();
    style(categories.getStyler(), panel);
    categories.getStyler().setOverlapped(true);
    Set<String> names = new HashSet<>();
    boolean any = false;
    for (int s = 0; s < panel.series().size(); s++) {
      Block.FactorChart.Series series = panel.series().get(s);
      List<Double> means = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      for (Band b : series.points()) {
        boolean present = Double.isFinite(b.mean());
        any |= present;
        // A null mean leaves the category empty; the error bar is the band's half-width.
        means.add(present ? b.mean() : null);
        errors.add(present && Double.isFinite(b.high()) ? Math.max(0, b.high() - b.mean()) : 0.0);
      }
      CategorySeries drawn =
          categories.addSeries(
              PngCharts.unique(series.name(), names), chart.labels(), means, errors);
      drawn.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
      drawn.setMarker(SeriesMarkers.CIRCLE);
      drawn.setMarkerColor(colour(s));
      drawn.setLineColor(colour(s));
      drawn.setLineStyle(new BasicStroke(2f));
    }
    if (!any) {
      categories.setTitle(panel.title() + " (no data)");
    } else {
      fitY(categories.getStyler(), panel);
    }
    return categories;
  }

  /** Sets the y range to the bands with a margin; XChart's bar-style default starts at 0. */
  private static void fitY(AxesChartStyler styler, Block.FactorChart.Panel panel) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Block.FactorChart.Series series : panel.series()) {
      for (Band b : series.points()) {
        for (double v : new double[] {b.mean(), b.low(), b.high()}) {
          if (Double.isFinite(v)) {
            low = Math.min(low, v);
            high = Math.max(high, v);
          }
        }
      }
    }
    double margin = high > low ? 0.1 * (high - low) : Math.max(1e-3, 0.01 * Math.abs(high));
    styler.setYAxisMin(low - margin);
    styler.setYAxisMax(high + margin);
  }

  private static void style(AxesChartStyler styler, Block.FactorChart.Panel panel) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendVisible(panel.series().size() > 1);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setErrorBarsColorSeriesColor(true);
  }

  private static Color colour(int series) {
    return Color.decode(PngCharts.PALETTE.get(series % PngCharts.PALETTE.size()));
  }
}
