package dev.mnistlab.report;

/**
 * Escapes plain text (trial and study names, notes, reasons) for GitHub Markdown, so that it shows
 * as written: no markup, no HTML, no broken table cell.
 *
 * <p>Line breaks become spaces, since every block a report writes is one line. HTML's {@code & < >}
 * become character references, as {@link HtmlText} writes them; Markdown's {@code \ ` * [ ] | ~ $}
 * get a backslash, and so does {@code _} except between two letters or digits, where it cannot
 * start emphasis (so {@code batch_size} stays readable).
 */
final class MarkdownText {
  private MarkdownText() {}

  /** Returns {@code text} as one line of Markdown inline text, e.g. a table cell. */
  static String inline(String text) {
    String line = text.replaceAll("\\s*\\R\\s*", " ").strip();
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '[', ']', '|', '~', '$' -> out.append('\\').append(c);
        case '_' -> {
          if (!(wordAt(line, i - 1) && wordAt(line, i + 1))) {
            out.append('\\');
          }
          out.append(c);
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Returns {@code text} as the start of a paragraph or list item: {@link #inline} text whose first
   * characters cannot open a heading, a list or a rule.
   */
  static String block(String text) {
    String line = inline(text);
    if (line.startsWith("#")
        || line.startsWith("-")
        || line.startsWith("+")
        || line.startsWith("=")) {
      return "\\" + line;
    }
    int digits = 0;
    while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
      digits++;
    }
    // "1. " or "1) " starts an ordered list.
    if (digits > 0
        && digits < line.length()
        && (line.charAt(digits) == '.' || line.charAt(digits) == ')')
        && (digits + 1 == line.length() || line.charAt(digits + 1) == ' ')) {
      return line.substring(0, digits) + "\\" + line.substring(digits);
    }
    return line;
  }

  /** Returns {@code text} as a heading's text, whose trailing {@code #} cannot be dropped. */
  static String heading(String text) {
    return inline(text).replace("#", "\\#");
  }

  private static boolean wordAt(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }
}
