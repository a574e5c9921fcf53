package dev.mnistlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes report blocks as one self-contained HTML page that opens offline: the ECharts library, the
 * style sheet, the chart script and every chart's data are inlined, and nothing is fetched. Each
 * curves chart becomes a figure of three panels drawn by ECharts from its JSON (see {@link
 * CurvesJson}), each factor chart a figure of its panels ({@link FactorJson}) and each heatmap a
 * figure of one grid ({@link HeatmapJson}), and each chart of a search's analysis a figure drawn
 * from its {@link SearchJson}.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlRenderer {
  /**
   * Writes {@code dir/baseName.html} atomically, creating {@code dir}.
   *
   * @throws IllegalArgumentException when a chart id cannot name an element
   */
  public void write(List<Block> blocks, Path dir, String baseName) throws IOException {
    ReportFiles.write(dir.resolve(baseName + ".html"), render(blocks, baseName));
  }

  /** Returns the page; its title is the first heading's text, else {@code fallbackTitle}. */
  String render(List<Block> blocks, String fallbackTitle) {
    String title =
        blocks.stream()
            .filter(Block.Heading.class::isInstance)
            .map(b -> ((Block.Heading) b).text())
            .findFirst()
            .orElse(fallbackTitle);
    StringBuilder html = new StringBuilder(1_100_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(HtmlText.escape(title))
        .append("</title>\n")
        .append("<style>\n")
        .append(HtmlAssets.css())
        .append("</style>\n");
    boolean curves = blocks.stream().anyMatch(Block.CurvesChart.class::isInstance);
    boolean factors =
        blocks.stream().anyMatch(b -> b instanceof Block.FactorChart || b instanceof Block.Heatmap);
    boolean searches = blocks.stream().anyMatch(Block.SearchChart.class::isInstance);
    boolean charts = curves || factors || searches;
    if (charts) {
      html.append("<script>\n").append(HtmlAssets.echarts()).append("\n</script>\n");
    }
    html.append("</head>\n<body>\n<main>\n");
    for (Block block : blocks) {
      block(block, html);
    }
    html.append("</main>\n");
    if (curves) {
      html.append("<script>\n").append(HtmlAssets.curvesScript()).append("</script>\n");
    }
    if (factors) {
      html.append("<script>\n").append(HtmlAssets.factorScript()).append("</script>\n");
    }
    if (searches) {
      html.append("<script>\n").append(HtmlAssets.searchScript()).append("</script>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void block(Block block, StringBuilder html) {
    if (block instanceof Block.Heading h) {
      int level = Math.max(1, Math.min(6, h.level()));
      html.append("<h")
          .append(level)
          .append('>')
          .append(HtmlText.escape(h.text()))
          .append("</h")
          .append(level)
          .append(">\n");
    } else if (block instanceof Block.Paragraph p) {
      html.append("<p>").append(HtmlText.escape(p.text())).append("</p>\n");
    } else if (block instanceof Block.Bullets b) {
      html.append("<ul>\n");
      b.items().forEach(i -> html.append("<li>").append(HtmlText.escape(i)).append("</li>\n"));
      html.append("</ul>\n");
    } else if (block instanceof Block.Table t) {
      table(t, html);
    } else if (block instanceof Block.CurvesChart c) {
      chart(c, html);
    } else if (block instanceof Block.FactorChart c) {
      factorChart(c, html);
    } else if (block instanceof Block.Heatmap h) {
      heatmap(h, html);
    } else if (block instanceof Block.SearchChart c) {
      searchChart(c, html);
    }
  }

  private static void table(Block.Table table, StringBuilder html) {
    int columns = Columns.count(table);
    boolean[] numeric = Columns.numeric(table);
    html.append("<table>\n<thead>\n");
    row(table.header(), "th", columns, numeric, html);
    html.append("</thead>\n<tbody>\n");
    for (List<String> row : table.rows()) {
      row(row, "td", columns, numeric, html);
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void row(
      List<String> row, String tag, int columns, boolean[] numeric, StringBuilder html) {
    html.append("<tr>");
    for (int c = 0; c < columns; c++) {
      html.append('<')
          .append(tag)
          .append(numeric[c] ? " class=\"num\">" : ">")
          .append(HtmlText.escape(Columns.cell(row, c)))
          .append("</")
          .append(tag)
          .append('>');
    }
    html.append("</tr>\n");
  }

  private static void chart(Block.CurvesChart chart, StringBuilder html) {
    String id = ReportFiles.checkChartId(chart.id());
    html.append("<figure class=\"curves\" id=\"chart-")
        .append(id)
        .append("\">\n")
        .append("<figcaption>")
        .append(HtmlText.escape(chart.title()))
        .append("</figcaption>\n")
        .append("<div class=\"panels\">");
    for (Metric metric : Metric.values()) {
      html.append("<div class=\"panel\" role=\"img\" aria-label=\"")
          .append(HtmlText.escape(chart.title() + ": " + metric.title()))
          .append("\"></div>");
    }
    html.append("</div>\n<script type=\"application/json\" class=\"curves-data\">")
        .append(CurvesJson.of(chart))
        .append("</script>\n</figure>\n");
  }

  private static void factorChart(Block.FactorChart chart, StringBuilder html) {
    String id = ReportFiles.checkChartId(chart.id());
    html.append("<figure class=\"factor\" id=\"chart-")
        .append(id)
        .append("\">\n")
        .append("<figcaption>")
        .append(HtmlText.escape(chart.title()))
        .append("</figcaption>\n")
        .append("<div class=\"panels\">");
    for (Block.FactorChart.Panel panel : chart.panels()) {
      html.append("<div class=\"panel\" role=\"img\" aria-label=\"")
          .append(HtmlText.escape(chart.title() + ": " + panel.title()))
          .append("\"></div>");
    }
    html.append("</div>\n<script type=\"application/json\" class=\"factor-data\">")
        .append(FactorJson.of(chart))
        .append("</script>\n</figure>\n");
  }

  private static void heatmap(Block.Heatmap heatmap, StringBuilder html) {
    String id = ReportFiles.checkChartId(heatmap.id());
    // Tall enough for every row to hold its label and text.
    int height = Math.max(300, 140 + 44 * heatmap.rows().size());
    html.append("<figure class=\"heatmap\" id=\"chart-")
        .append(id)
        .append("\">\n")
        .append("<figcaption>")
        .append(HtmlText.escape(heatmap.title()))
        .append("</figcaption>\n<div class=\"heat\" role=\"img\" aria-label=\"")
        .append(HtmlText.escape(heatmap.title()))
        .append("\" style=\"height:")
        .append(height)
        .append("px\"></div>\n<script type=\"application/json\" class=\"heatmap-data\">")
        .append(HeatmapJson.of(heatmap))
        .append("</script>\n</figure>\n");
  }

  /** Writes a search chart's figure: the page script draws it into its host from the JSON. */
  static void searchChart(Block.SearchChart chart, StringBuilder html) {
    String id = ReportFiles.checkChartId(chart.id());
    html.append("<figure class=\"search\" id=\"chart-")
        .append(id)
        .append("\">\n<figcaption>")
        .append(HtmlText.escape(chart.title()))
        .append("</figcaption>\n<div class=\"search-host\" role=\"img\" aria-label=\"")
        .append(HtmlText.escape(chart.title()))
        .append("\"></div>\n<script type=\"application/json\" class=\"search-data\">")
        .append(SearchJson.of(chart))
        .append("</script>\n</figure>\n");
  }
}
