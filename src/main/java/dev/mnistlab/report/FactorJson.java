package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import java.util.List;

/**
 * Writes a factor chart's data as JSON for the page's chart script: {@code
 * {"id":..,"title":..,"xAxis":..,"labels":[..],"xs":[..],"log":..,"panels":[{"title":..,
 * "axis":..,"series":[{"name":..,"mean":[..],"low":[..],"high":[..]}]}]}}, one entry per label, a
 * missing (NaN) value written as {@code null} and {@code xs} empty for a categorical axis. Safe
 * inside a {@code <script>} element, as {@link CurvesJson} is.
 */
final class FactorJson {
  private FactorJson() {}

  /** Returns {@code chart}'s data as one line of JSON. */
  static String of(Block.FactorChart chart) {
    StringBuilder json = new StringBuilder();
    json.append("{\"id\":")
        .append(CurvesJson.string(chart.id()))
        .append(",\"title\":")
        .append(CurvesJson.string(chart.title()))
        .append(",\"xAxis\":")
        .append(CurvesJson.string(chart.xAxis()))
        .append(",\"labels\":")
        .append(strings(chart.labels()))
        .append(",\"xs\":")
        .append(numbers(chart.xs()))
        .append(",\"log\":")
        .append(chart.logX())
        .append(",\"panels\":[");
    List<Block.FactorChart.Panel> panels = chart.panels();
    for (int p = 0; p < panels.size(); p++) {
      Block.FactorChart.Panel panel = panels.get(p);
      json.append(p > 0 ? "," : "")
          .append("{\"title\":")
          .append(CurvesJson.string(panel.title()))
          .append(",\"axis\":")
          .append(CurvesJson.string(panel.yAxis()))
          .append(",\"series\":[");
      for (int s = 0; s < panel.series().size(); s++) {
        Block.FactorChart.Series series = panel.series().get(s);
        List<Band> points = series.points();
        json.append(s > 0 ? "," : "")
            .append("{\"name\":")
            .append(CurvesJson.string(series.name()))
            .append(",\"mean\":")
            .append(numbers(points.stream().map(Band::mean).toList()))
            .append(",\"low\":")
            .append(numbers(points.stream().map(Band::low).toList()))
            .append(",\"high\":")
            .append(numbers(points.stream().map(Band::high).toList()))
            .append('}');
      }
      json.append("]}");
    }
    return json.append("]}").toString();
  }

  /** Returns the strings as a JSON array. */
  static String strings(List<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      json.append(i > 0 ? "," : "").append(CurvesJson.string(values.get(i)));
    }
    return json.append(']').toString();
  }

  /** Returns the numbers as a JSON array, NaN and infinities as null. */
  static String numbers(List<Double> values) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      json.append(i > 0 ? "," : "").append(CurvesJson.number(values.get(i)));
    }
    return json.append(']').toString();
  }
}
