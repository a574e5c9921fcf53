package dev.mnistlab.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a heatmap as a PNG with XChart: a cell per row and column, coloured from pale to dark blue
 * by its value and labelled with it to 4 decimals; a NaN cell stays blank. The first row is drawn
 * at the top, as in the table of the same numbers.
 *
 * <p>Runs headless; thread-safe.
 */
final class PngHeatmaps {
  private PngHeatmaps() {}

  /** Writes {@code heatmap} as a PNG to {@code file}, atomically. */
  static void write(Block.Heatmap heatmap, Path file) throws IOException {
    ReportFiles.write(file, png(heatmap));
  }

  /** Returns {@code heatmap} as a PNG sized to its rows and columns. */
  static byte[] png(Block.Heatmap heatmap) throws IOException {
    int rows = heatmap.rows().size();
    int columns = heatmap.columns().size();
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(Math.max(520, 160 + 110 * columns))
            .height(Math.max(360, 140 + 50 * rows))
            .title(heatmap.title())
            .xAxisTitle(heatmap.columnAxis())
            .yAxisTitle(heatmap.rowAxis())
            .build();
    HeatMapStyler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setShowValue(true);
    styler.setHeatMapValueDecimalPattern("0.0000");
    styler.setRangeColors(
        new Color[] {Color.decode("#eef3fa"), Color.decode("#4e79a7"), Color.decode("#1d3557")});
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    List<Number[]> data = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        double v = heatmap.values().get(r).get(c);
        if (Double.isFinite(v)) {
          // XChart puts y index 0 at the bottom; flipping keeps the first row on top.
          data.add(new Number[] {c, rows - 1 - r, v});
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (data.isEmpty()) {
      return empty(heatmap);
    }
    if (min == max) {
      // One distinct value still needs a range to colour from.
      max = min + 1e-9;
    }
    styler.setMin(min);
    styler.setMax(max);
    List<String> yLabels = new ArrayList<>(heatmap.rows());
    Collections.reverse(yLabels);
    chart.addSeries(heatmap.title(), heatmap.columns(), yLabels, data);
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** Returns a blank, titled picture: XChart refuses a heatmap without a single value. */
  private static byte[] empty(Block.Heatmap heatmap) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(520)
            .height(360)
            .title(heatmap.title() + " (no data)")
            .xAxisTitle(heatmap.columnAxis())
            .yAxisTitle(heatmap.rowAxis())
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(false);
    XYSeries none = chart.addSeries("no data", new double[] {0}, new double[] {0});
    none.setMarker(SeriesMarkers.NONE);
    none.setLineColor(new Color(0, 0, 0, 0));
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }
}
