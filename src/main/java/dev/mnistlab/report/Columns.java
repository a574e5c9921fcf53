package dev.mnistlab.report;

import java.util.List;
import java.util.regex.Pattern;

/** Decides which columns of a table hold numbers, so renderers can right-align them. */
final class Columns {
  // A number, then only the characters that intervals, units and thousands use.
  private static final Pattern NUMERIC =
      Pattern.compile("[+\\-\u2212]?\\.?\\d[\\d\\s.,:%\u00b1\u00d7eE+\\-\u2212\\[\\]()]*");
  // Placeholders for a missing number, which should not make a column textual.
  private static final Pattern MISSING = Pattern.compile("|-|\u2014|\u2013|NaN|n/a|N/A");

  private Columns() {}

  /** Returns whether {@code cell} looks like a number (e.g. "0.981", "-3e-4", "97.8% ± 0.2"). */
  static boolean looksNumeric(String cell) {
    return NUMERIC.matcher(cell.strip()).matches();
  }

  /**
   * Returns, per column of {@code table}, whether it is numeric: at least one body cell looks like
   * a number and every other body cell does too or is blank or a placeholder ("—", "NaN").
   */
  static boolean[] numeric(Block.Table table) {
    boolean[] numeric = new boolean[count(table)];
    for (int c = 0; c < numeric.length; c++) {
      boolean any = false;
      boolean all = true;
      for (List<String> row : table.rows()) {
        String cell = cell(row, c).strip();
        if (looksNumeric(cell)) {
          any = true;
        } else if (!MISSING.matcher(cell).matches()) {
          all = false;
        }
      }
      numeric[c] = any && all;
    }
    return numeric;
  }

  /** Returns the number of columns: the widest of the header and the rows. */
  static int count(Block.Table table) {
    int count = table.header().size();
    for (List<String> row : table.rows()) {
      count = Math.max(count, row.size());
    }
    return count;
  }

  /** Returns cell {@code c} of {@code row}, or "" when the row is shorter. */
  static String cell(List<String> row, int c) {
    return c < row.size() && row.get(c) != null ? row.get(c) : "";
  }
}
