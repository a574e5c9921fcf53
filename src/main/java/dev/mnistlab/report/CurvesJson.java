package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
import java.util.List;

/**
 * Writes a curves chart's data as JSON for the page's chart script: {@code
 * {"id":..,"title":..,"panels":[{"title":..,"axis":..,"trials":[{"name":..,
 * "mean":[..],"low":[..],"high":[..]}]}]}}, index 0 being epoch 1 and a missing (NaN) value written
 * as {@code null}.
 *
 * <p>The text is safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} are
 * written as \\u escapes, so no string can close the element.
 */
final class CurvesJson {
  private CurvesJson() {}

  /** Returns {@code chart}'s data as one line of JSON. */
  static String of(Block.CurvesChart chart) {
    StringBuilder json = new StringBuilder();
    json.append("{\"id\":")
        .append(string(chart.id()))
        .append(",\"title\":")
        .append(string(chart.title()))
        .append(",\"panels\":[");
    Metric[] metrics = Metric.values();
    for (int m = 0; m < metrics.length; m++) {
      json.append(m > 0 ? "," : "")
          .append("{\"title\":")
          .append(string(metrics[m].title()))
          .append(",\"axis\":")
          .append(string(metrics[m].axis()))
          .append(",\"trials\":[");
      List<LearningCurves> trials = chart.trials();
      for (int t = 0; t < trials.size(); t++) {
        List<Band> bands = metrics[m].of(trials.get(t));
        json.append(t > 0 ? "," : "").append("{\"name\":").append(string(trials.get(t).trial()));
        json.append(",\"mean\":[");
        bands.forEach(b -> json.append(number(b.mean())).append(','));
        close(json).append(",\"low\":[");
        bands.forEach(b -> json.append(number(b.low())).append(','));
        close(json).append(",\"high\":[");
        bands.forEach(b -> json.append(number(b.high())).append(','));
        close(json).append('}');
      }
      json.append("]}");
    }
    return json.append("]}").toString();
  }

  /** Replaces a trailing comma, if any, with the array's closing bracket. */
  private static StringBuilder close(StringBuilder json) {
    if (json.charAt(json.length() - 1) == ',') {
      json.setLength(json.length() - 1);
    }
    return json.append(']');
  }

  static String number(double value) {
    // JSON has no NaN or infinities; null is what the chart script treats as a gap.
    return Double.isFinite(value) ? Double.toString(value) : "null";
  }

  static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
