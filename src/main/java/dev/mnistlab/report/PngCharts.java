package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a curves chart as one PNG of three panels side by side (training loss, validation loss,
 * validation accuracy by epoch): per trial a mean line with markers over a translucent band from
 * low to high. Missing (NaN) epochs are left out. The legend, on the first panel, names the trials.
 *
 * <p>Runs headless; thread-safe.
 */
final class PngCharts {
  /** The width of one panel; the image is three panels wide. */
  static final int PANEL_WIDTH = 400;

  /** The image's height. */
  static final int HEIGHT = 400;

  // Tableau 10, so that the PNG and the HTML charts give a trial the same colour.
  static final List<String> PALETTE =
      List.of(
          "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
          "#9c755f", "#bab0ac");

  static {
    // Must be set before AWT starts; harmless when the caller already chose.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PngCharts() {}

  /** Writes {@code chart} as a PNG to {@code file}, atomically. */
  static void write(Block.CurvesChart chart, Path file) throws IOException {
    ReportFiles.write(file, png(chart));
  }

  /** Returns {@code chart} encoded as a PNG of 1200 by 400 pixels. */
  static byte[] png(Block.CurvesChart chart) throws IOException {
    List<XYChart> panels = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      panels.add(panel(metric, chart.trials(), panels.isEmpty()));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BitmapEncoder.saveBitmap(panels, 1, panels.size(), bytes, BitmapEncoder.BitmapFormat.PNG);
    return bytes.toByteArray();
  }

  private static XYChart panel(Metric metric, List<LearningCurves> trials, boolean legend) {
    XYChart panel =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(HEIGHT)
            .title(metric.title())
            .xAxisTitle("epoch")
            .yAxisTitle(metric.axis())
            .build();
    Styler styler = panel.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendVisible(legend);
    styler.setLegendPosition(Styler.LegendPosition.InsideNE);
    panel.getStyler().setXAxisDecimalPattern("0");
    Set<String> names = new HashSet<>();
    for (int t = 0; t < trials.size(); t++) {
      LearningCurves trial = trials.get(t);
      Color colour = Color.decode(PALETTE.get(t % PALETTE.size()));
      List<Band> bands = metric.of(trial);
      double[] epochs = new double[bands.size()];
      for (int e = 0; e < epochs.length; e++) {
        epochs[e] = e + 1;
      }
      band(panel, "\u0000band " + t, epochs, bands, colour);
      mean(panel, unique(trial.trial(), names), epochs, bands, colour);
    }
    if (panel.getSeriesMap().isEmpty()) {
      // XChart cannot draw an empty panel; an invisible point keeps the axes.
      XYSeries none = panel.addSeries("no data", new double[] {1}, new double[] {0});
      none.setMarker(SeriesMarkers.NONE);
      none.setLineColor(new Color(0, 0, 0, 0));
      panel.setTitle(metric.title() + " (no data)");
      styler.setLegendVisible(false);
    }
    return panel;
  }

  /** Adds the means at {@code x} as a line with markers, leaving out NaN means. */
  static void mean(XYChart panel, String name, double[] x, List<Band> bands, Color colour) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      if (Double.isFinite(bands.get(i).mean())) {
        xs.add(x[i]);
        ys.add(bands.get(i).mean());
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries series = panel.addSeries(name, xs, ys);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setLineColor(colour);
    series.setMarkerColor(colour);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineStyle(new BasicStroke(2f));
  }

  /** Adds the band at {@code x} as a closed polygon: along the highs, then back the lows. */
  static void band(XYChart panel, String name, double[] x, List<Band> bands, Color colour) {
    List<Double> xs = new ArrayList<>();
    List<Double> highs = new ArrayList<>();
    List<Double> lows = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      Band band = bands.get(i);
      if (Double.isFinite(band.low()) && Double.isFinite(band.high())) {
        xs.add(x[i]);
        highs.add(band.high());
        lows.add(band.low());
      }
    }
    if (xs.size() < 2) {
      return;
    }
    List<Double> polygonX = new ArrayList<>(xs);
    List<Double> polygonY = new ArrayList<>(highs);
    for (int i = xs.size() - 1; i >= 0; i--) {
      polygonX.add(xs.get(i));
      polygonY.add(lows.get(i));
    }
    XYSeries series = panel.addSeries(name, polygonX, polygonY);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    series.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 50));
    series.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 90));
    series.setLineStyle(new BasicStroke(0.5f));
    series.setMarker(SeriesMarkers.NONE);
    series.setShowInLegend(false);
  }

  /** Returns {@code name}, suffixed when an earlier trial took it: XChart needs unique names. */
  static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int k = 2; !taken.add(candidate); k++) {
      candidate = name + " (" + k + ")";
    }
    return candidate;
  }
}
