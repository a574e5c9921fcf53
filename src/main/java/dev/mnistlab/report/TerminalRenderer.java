package dev.mnistlab.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws report blocks as plain text for a terminal: headings (levels 1-2 underlined), text wrapped
 * at 100 columns, "- " bullets and tables in aligned columns with numeric columns right-aligned.
 * Charts are only named, since their pictures live in the report files; a heatmap is drawn as its
 * title over a table of its cells.
 *
 * <p>Stateless and thread-safe.
 */
public final class TerminalRenderer {
  /** The column at which paragraphs and bullets wrap. */
  public static final int WIDTH = 100;

  /** Writes {@code blocks} to {@code out}, separated by blank lines, and flushes it. */
  public void render(List<Block> blocks, PrintWriter out) {
    boolean first = true;
    for (Block block : blocks) {
      if (!first) {
        out.println();
      }
      first = false;
      // Java 17 has no pattern switch without preview features, hence the chain.
      if (block instanceof Block.Heading h) {
        heading(h, out);
      } else if (block instanceof Block.Paragraph p) {
        wrap(p.text(), "", "", out);
      } else if (block instanceof Block.Bullets b) {
        b.items().forEach(item -> wrap(item, "- ", "  ", out));
      } else if (block instanceof Block.Table t) {
        table(t, out);
      } else if (block instanceof Block.CurvesChart c) {
        out.println("(chart: " + c.title() + " \u2014 see the report files)");
      } else if (block instanceof Block.FactorChart c) {
        // The table beside a factor chart holds its numbers; the picture is in the files.
        out.println("(chart: " + c.title() + " \u2014 see the report files)");
      } else if (block instanceof Block.Heatmap h) {
        out.println(h.title());
        table(heatmapTable(h), out);
      } else if (block instanceof Block.SearchChart c) {
        // The tables of a search report hold its numbers; its charts are in the files.
        out.println("(chart: " + c.title() + " \u2014 see the report files)");
      }
    }
    out.flush();
  }

  private static void heading(Block.Heading heading, PrintWriter out) {
    String text = heading.text().strip();
    out.println(text);
    if (heading.level() <= 2) {
      out.println((heading.level() <= 1 ? "=" : "-").repeat(Math.max(1, text.length())));
    }
  }

  /**
   * Writes {@code text} wrapped: first line after {@code lead}, the others after {@code indent}.
   */
  private static void wrap(String text, String lead, String indent, PrintWriter out) {
    for (String line : lines(text, WIDTH - lead.length())) {
      out.println(lead + line);
      lead = indent;
    }
  }

  /** Splits {@code text} into lines of at most {@code width} characters, breaking between words. */
  static List<String> lines(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\\R", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        // A word longer than the width gets a line of its own rather than being cut.
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Returns a heatmap as a table: a column of row labels, then one column per column label. */
  static Block.Table heatmapTable(Block.Heatmap heatmap) {
    List<String> header = new ArrayList<>();
    header.add(heatmap.rowAxis() + " \\ " + heatmap.columnAxis());
    header.addAll(heatmap.columns());
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < heatmap.rows().size(); r++) {
      List<String> row = new ArrayList<>();
      row.add(heatmap.rows().get(r));
      row.addAll(heatmap.cells().get(r));
      rows.add(row);
    }
    return new Block.Table(header, rows);
  }

  private static void table(Block.Table table, PrintWriter out) {
    int columns = Columns.count(table);
    boolean[] numeric = Columns.numeric(table);
    int[] widths = new int[columns];
    List<List<String>> all = new ArrayList<>();
    all.add(table.header());
    all.addAll(table.rows());
    for (List<String> row : all) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], oneLine(Columns.cell(row, c)).length());
      }
    }
    row(table.header(), widths, numeric, out);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    row(rule, widths, numeric, out);
    for (List<String> row : table.rows()) {
      row(row, widths, numeric, out);
    }
  }

  private static void row(List<String> row, int[] widths, boolean[] numeric, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      String cell = oneLine(Columns.cell(row, c));
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(numeric[c] ? pad + cell : cell + pad);
    }
    out.println(line.toString().stripTrailing());
  }

  private static String oneLine(String cell) {
    return cell.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
