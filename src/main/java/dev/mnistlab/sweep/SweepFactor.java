package dev.mnistlab.sweep;

import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes one factor of a sweep: a setting and the values it takes, and how its axis is drawn.
 *
 * @param name the setting, e.g. {@code lr}, {@code batch_size}, {@code optimizer}
 * @param values the values in sweep order, as the user would type them
 * @param scale how the values are spaced: a log or linear axis, or categories
 */
public record SweepFactor(String name, List<String> values, Scale scale) {
  /** The factors whose values hold commas themselves, so levels are separated by ';'. */
  private static final Set<String> SEMICOLON_SEPARATED = Set.of("layers", "model", "augment");

  /** How a factor's values are spaced on a chart's axis. */
  public enum Scale {
    LOG,
    LINEAR,
    CATEGORICAL
  }

  public SweepFactor {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new InvalidInputException("factor " + name + " needs at least one value");
    }
    if (values.stream().distinct().count() != values.size()) {
      throw new InvalidInputException("factor " + name + " lists a value twice: " + values);
    }
  }

  /**
   * Parses {@code --factor NAME=V1,V2,...}; the scale is logarithmic when every value is a positive
   * number and the largest is at least 10 times the smallest, linear for other numbers, categorical
   * otherwise. Commas inside parentheses belong to the value, so layer specs can be values.
   */
  public static SweepFactor parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new InvalidInputException("--factor must be NAME=V1,V2,..., got '" + text + "'");
    }
    String name = text.substring(0, eq).trim();
    if (!FactorSetting.isKnown(name)) {
      throw new InvalidInputException(
          "unknown factor '" + name + "': allowed are " + FactorSetting.allowed());
    }
    List<String> values = new ArrayList<>();
    for (String v :
        text.substring(eq + 1).split(SEMICOLON_SEPARATED.contains(name) ? ";" : ",(?![^(]*\\))")) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    return new SweepFactor(name, values, scaleOf(name, values));
  }

  /** Returns whether the factor is the epoch count, read from learning curves. */
  public boolean isEpochs() {
    return name.equals("epochs");
  }

  /** Returns the value's number, or NaN for a categorical value. */
  public double numeric(String value) {
    if (scale == Scale.CATEGORICAL) {
      return Double.NaN;
    }
    return Double.parseDouble(value);
  }

  static Scale scaleOf(String name, List<String> values) {
    if (name.equals("optimizer")
        || name.equals("layers")
        || name.equals("model")
        || name.equals("activation")) {
      return Scale.CATEGORICAL;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (String v : values) {
      double x;
      try {
        x = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return Scale.CATEGORICAL;
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return min > 0 && max >= 10 * min ? Scale.LOG : Scale.LINEAR;
  }
}
