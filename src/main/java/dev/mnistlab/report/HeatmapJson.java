package dev.mnistlab.report;

/**
 * Writes a heatmap's data as JSON for the page's chart script: {@code
 * {"id":..,"title":..,"rowAxis":..,"columnAxis":..,"rows":[..],"columns":[..],
 * "values":[[..]],"cells":[[..]]}}, row by row, a missing (NaN) value written as {@code null}. Safe
 * inside a {@code <script>} element, as {@link CurvesJson} is.
 */
final class HeatmapJson {
  private HeatmapJson() {}

  /** Returns {@code heatmap}'s data as one line of JSON. */
  static String of(Block.Heatmap heatmap) {
    StringBuilder json = new StringBuilder();
    json.append("{\"id\":")
        .append(CurvesJson.string(heatmap.id()))
        .append(",\"title\":")
        .append(CurvesJson.string(heatmap.title()))
        .append(",\"rowAxis\":")
        .append(CurvesJson.string(heatmap.rowAxis()))
        .append(",\"columnAxis\":")
        .append(CurvesJson.string(heatmap.columnAxis()))
        .append(",\"rows\":")
        .append(FactorJson.strings(heatmap.rows()))
        .append(",\"columns\":")
        .append(FactorJson.strings(heatmap.columns()))
        .append(",\"values\":[");
    for (int r = 0; r < heatmap.values().size(); r++) {
      json.append(r > 0 ? "," : "").append(FactorJson.numbers(heatmap.values().get(r)));
    }
    json.append("],\"cells\":[");
    for (int r = 0; r < heatmap.cells().size(); r++) {
      json.append(r > 0 ? "," : "").append(FactorJson.strings(heatmap.cells().get(r)));
    }
    return json.append("]}").toString();
  }
}
