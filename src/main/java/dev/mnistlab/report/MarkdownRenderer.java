package dev.mnistlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes report blocks as GitHub Markdown: {@code #} headings, paragraphs, "- " bullets and pipe
 * tables (numeric columns right-aligned), every text escaped (see {@link MarkdownText}) so that
 * names and notes show as written, and each chart (curves, factor chart, heatmap, search charts) as
 * a PNG next to the Markdown file, linked as {@code ![title](id.png)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MarkdownRenderer {
  /**
   * Writes {@code dir/baseName.md} and a {@code dir/<id>.png} per chart, each atomically, creating
   * {@code dir}.
   *
   * @throws IllegalArgumentException when a chart id cannot name a file
   */
  public void write(List<Block> blocks, Path dir, String baseName) throws IOException {
    String markdown = render(blocks);
    for (Block block : blocks) {
      if (block instanceof Block.CurvesChart chart) {
        PngCharts.write(chart, dir.resolve(ReportFiles.checkChartId(chart.id()) + ".png"));
      } else if (block instanceof Block.FactorChart chart) {
        PngFactorCharts.write(chart, dir.resolve(ReportFiles.checkChartId(chart.id()) + ".png"));
      } else if (block instanceof Block.Heatmap heatmap) {
        PngHeatmaps.write(heatmap, dir.resolve(ReportFiles.checkChartId(heatmap.id()) + ".png"));
      } else if (block instanceof Block.SearchChart chart) {
        PngSearchCharts.write(chart, dir.resolve(ReportFiles.checkChartId(chart.id()) + ".png"));
      }
    }
    ReportFiles.write(dir.resolve(baseName + ".md"), markdown);
  }

  /** Returns {@code blocks} as Markdown text, blocks separated by blank lines. */
  String render(List<Block> blocks) {
    List<String> parts = new ArrayList<>();
    for (Block block : blocks) {
      if (block instanceof Block.Heading h) {
        parts.add(
            "#".repeat(Math.max(1, Math.min(6, h.level()))) + " " + MarkdownText.heading(h.text()));
      } else if (block instanceof Block.Paragraph p) {
        parts.add(MarkdownText.block(p.text()));
      } else if (block instanceof Block.Bullets b) {
        parts.add(
            String.join("\n", b.items().stream().map(i -> "- " + MarkdownText.block(i)).toList()));
      } else if (block instanceof Block.Table t) {
        parts.add(table(t));
      } else if (block instanceof Block.CurvesChart c) {
        parts.add(image(c.title(), c.id()));
      } else if (block instanceof Block.FactorChart c) {
        parts.add(image(c.title(), c.id()));
      } else if (block instanceof Block.Heatmap h) {
        parts.add(image(h.title(), h.id()));
      } else if (block instanceof Block.SearchChart c) {
        parts.add(image(c.title(), c.id()));
      }
    }
    return String.join("\n\n", parts) + "\n";
  }

  /** Returns the link to a chart's PNG, its title as the alternative text. */
  private static String image(String title, String id) {
    return "![" + MarkdownText.inline(title) + "](" + ReportFiles.checkChartId(id) + ".png)";
  }

  private static String table(Block.Table table) {
    int columns = Columns.count(table);
    boolean[] numeric = Columns.numeric(table);
    StringBuilder text = new StringBuilder();
    row(table.header(), columns, text);
    List<String> rule = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      rule.add(numeric[c] ? "---:" : "---");
    }
    text.append("| ").append(String.join(" | ", rule)).append(" |\n");
    for (List<String> row : table.rows()) {
      row(row, columns, text);
    }
    return text.toString().stripTrailing();
  }

  private static void row(List<String> row, int columns, StringBuilder text) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      cells.add(MarkdownText.inline(Columns.cell(row, c)));
    }
    text.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
