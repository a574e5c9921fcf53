package dev.mnistlab.cli;

import java.util.List;
import java.util.Map;

/** Writes rows of named values as CSV (RFC 4180): a header line, then one line per row. */
final class Csv {
  private Csv() {}

  /** Returns {@code rows} as CSV with {@code columns} in that order; missing values are empty. */
  static String of(List<String> columns, List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, columns.stream().map(c -> (Object) c).toList());
    for (Map<String, Object> row : rows) {
      line(out, columns.stream().map(row::get).toList());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** Quotes a cell that holds a comma, quote or line break, doubling its quotes. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = String.valueOf(value);
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
