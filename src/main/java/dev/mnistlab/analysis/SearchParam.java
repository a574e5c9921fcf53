package dev.mnistlab.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Describes one parameter of a search as its analysis needs it: how its values lie on an axis, and
 * whether it applies to every trial. The search package builds these from its space, so analysis
 * does not depend on how spaces are written.
 *
 * @param name the parameter's name in the space, e.g. {@code lr}
 * @param kind how its values are ordered
 * @param low the smallest value of a numeric parameter (ignored for a choice)
 * @param high the largest value of a numeric parameter (ignored for a choice)
 * @param log whether its values were sampled on a log scale, so axes should be too
 * @param choices a choice's values in the space's order; empty for numeric parameters
 * @param conditional whether it applies only to some trials (e.g. a third layer's units)
 */
public record SearchParam(
    String name,
    Kind kind,
    double low,
    double high,
    boolean log,
    List<Object> choices,
    boolean conditional) {

  /** Says how a parameter's values are ordered on an axis. */
  public enum Kind {
    /** Whole numbers in a range. */
    INT,
    /** Reals in a range. */
    FLOAT,
    /** One of a list of values with no order. */
    CHOICE
  }

  public SearchParam {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    choices = List.copyOf(choices);
    if (kind == Kind.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choice parameter " + name + " needs its choices");
    }
    if (kind != Kind.CHOICE && !(high >= low)) {
      throw new IllegalArgumentException(
          "parameter " + name + " needs low <= high, got " + low + ", " + high);
    }
    if (log && !(low > 0)) {
      throw new IllegalArgumentException("log parameter " + name + " needs low > 0, got " + low);
    }
  }

  /** Returns a whole-number parameter. */
  public static SearchParam ofInt(
      String name, int low, int high, boolean log, boolean conditional) {
    return new SearchParam(name, Kind.INT, low, high, log, List.of(), conditional);
  }

  /** Returns a real parameter. */
  public static SearchParam ofFloat(
      String name, double low, double high, boolean log, boolean conditional) {
    return new SearchParam(name, Kind.FLOAT, low, high, log, List.of(), conditional);
  }

  /** Returns a choice among {@code choices}. */
  public static SearchParam ofChoice(String name, List<Object> choices, boolean conditional) {
    return new SearchParam(name, Kind.CHOICE, 0, 0, false, choices, conditional);
  }

  /** Returns whether the parameter can take only one value, so nothing can depend on it. */
  public boolean single() {
    return kind == Kind.CHOICE ? choices.size() == 1 : low == high;
  }

  /**
   * Returns where {@code value} lies on this parameter's axis: the number itself (its logarithm for
   * a log parameter), or a choice's index. NaN when the value is absent or not one of the choices.
   */
  public double position(Object value) {
    if (value == null) {
      return Double.NaN;
    }
    if (kind == Kind.CHOICE) {
      for (int i = 0; i < choices.size(); i++) {
        if (sameChoice(choices.get(i), value)) {
          return i;
        }
      }
      return Double.NaN;
    }
    if (!(value instanceof Number n)) {
      return Double.NaN;
    }
    return log ? Math.log(n.doubleValue()) : n.doubleValue();
  }

  /** Choices compare as numbers when both are numbers (a stored 1 and 1.0 are one choice). */
  private static boolean sameChoice(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.equals(b) || a.toString().equals(b.toString());
  }
}
