package dev.mnistlab.search;

/** Compares parameter values that may have passed through JSON (1 and 1.0 are the same). */
final class Values {
  private Values() {}

  /** Returns whether two parameter values mean the same thing. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return java.util.Objects.equals(a, b);
  }
}
