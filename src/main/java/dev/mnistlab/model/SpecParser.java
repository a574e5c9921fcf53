package dev.mnistlab.model;

import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads spec text such as {@code linear(64),relu,linear(10)} into layers.
 *
 * <p>The grammar, with whitespace allowed between any two tokens:
 *
 * <pre>
 * spec  := layer (',' layer)*
 * layer := name ('(' [arg (',' arg)*] ')')?
 * name  := letter (letter | digit | '_')*
 * arg   := a decimal number, optionally signed, optionally with an exponent
 * </pre>
 *
 * <p>Syntax errors name the 1-based character where the text went wrong and quote the layer being
 * read. One parser reads one text; it is not thread-safe and not reused.
 */
final class SpecParser {
  /** Lists the layer names in the order the error message shows them. */
  static final List<String> NAMES =
      List.of(
          "linear",
          "relu",
          "sigmoid",
          "tanh",
          "gelu",
          "leaky_relu",
          "softmax",
          "dropout",
          "batchnorm",
          "flatten",
          "conv2d",
          "maxpool",
          "avgpool",
          "gap");

  private final String text;
  private int pos;
  private int layerStart;

  private SpecParser(String text) {
    this.text = text;
  }

  /** Parses the whole text into layers, or throws {@link InvalidInputException}. */
  static List<Layer> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "model spec must not be empty, got \"" + (text == null ? "" : text) + "\"");
    }
    return new SpecParser(text).layers();
  }

  private List<Layer> layers() {
    List<Layer> layers = new ArrayList<>();
    while (true) {
      skipSpaces();
      layers.add(layer());
      skipSpaces();
      if (pos == text.length()) {
        return layers;
      }
      if (text.charAt(pos) != ',') {
        throw malformed("expected ',' between layers");
      }
      pos++;
    }
  }

  private Layer layer() {
    layerStart = pos;
    String name = name();
    if (!NAMES.contains(name)) {
      throw unknown(name, layerStart);
    }
    skipSpaces();
    List<String> args = new ArrayList<>();
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      skipSpaces();
      if (peek() == ')') {
        pos++;
      } else {
        args.add(number());
        skipSpaces();
        while (peek() == ',') {
          pos++;
          skipSpaces();
          args.add(number());
          skipSpaces();
        }
        if (peek() != ')') {
          throw malformed("expected ')'");
        }
        pos++;
      }
    }
    String layerText = text.substring(layerStart, pos).strip();
    return LayerArgs.build(name, args, layerText);
  }

  private String name() {
    int start = pos;
    if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
    }
    if (pos == start) {
      throw malformed("expected a layer name");
    }
    return text.substring(start, pos).toLowerCase(Locale.ROOT);
  }

  private String number() {
    int start = pos;
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String token = text.substring(start, pos);
    try {
      Double.parseDouble(token);
    } catch (NumberFormatException e) {
      pos = start;
      throw malformed("expected a number");
    }
    return token;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /** Builds the one-line syntax error, quoting the layer read so far and its next token. */
  private InvalidInputException malformed(String expected) {
    int end = pos;
    while (end < text.length()
        && !Character.isWhitespace(text.charAt(end))
        && ",()".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end == pos && end < text.length()) {
      end++;
    }
    String quoted = text.substring(layerStart, end).strip();
    return new InvalidInputException(
        "malformed model spec at character "
            + (pos + 1)
            + ": "
            + expected
            + (quoted.isEmpty() ? " at the end" : " in \"" + quoted + "\""));
  }

  private static InvalidInputException unknown(String name, int start) {
    String hint = closest(name);
    return new InvalidInputException(
        "unknown layer \""
            + name
            + "\" at character "
            + (start + 1)
            + (hint == null ? "" : " (did you mean " + hint + "?)")
            + "; allowed: "
            + String.join(", ", NAMES));
  }

  /** Returns the allowed name within two edits of {@code name}, if one is. */
  private static String closest(String name) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : NAMES) {
      int d = editDistance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
