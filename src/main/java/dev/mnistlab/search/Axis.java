package dev.mnistlab.search;

import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;

/**
 * Says how TPE models one parameter: a numeric axis (in log space for a log range) or a set of
 * categories. A point on an axis is a {@code double}: the value itself, or a category's index.
 */
sealed interface Axis permits Axis.Numeric, Axis.Categorical {

  /** Returns the parameter this axis models. */
  Param param();

  /** Returns the point for {@code value}, or NaN when the parameter cannot take it. */
  double point(Object value);

  /** Returns the parameter value at {@code point}. */
  Object value(double point);

  /** Returns the axis for {@code p}, which must be a range or a choice. */
  static Axis of(Param p) {
    Distribution d = p.distribution();
    if (d instanceof Choice c) {
      return new Categorical(p, c);
    }
    if (d instanceof IntRange r) {
      double top = Ranges.valueAt(r, Ranges.count(r) - 1);
      return Numeric.of(p, r.log(), r.step(), r.low(), top);
    }
    if (d instanceof FloatRange r) {
      double top = r.step() > 0 ? Ranges.valueAt(r, Ranges.count(r) - 1) : r.high();
      return Numeric.of(p, r.log(), r.step(), r.low(), top);
    }
    throw new IllegalArgumentException("parameter '" + p.name() + "' has nothing to model");
  }

  /**
   * A range modelled in {@code z} = x or log x. A stepped range is discrete: each value owns the
   * interval half a step either side of it, and the model's bounds are widened to match.
   *
   * @param step 0 for a continuous range
   * @param lowEdge the lowest value's lower edge ({@code low} when continuous)
   * @param highEdge the highest value's upper edge
   */
  record Numeric(Param param, boolean log, double step, double lowEdge, double highEdge)
      implements Axis {
    /** Returns the axis of a range from {@code low} to its highest value {@code top}. */
    static Numeric of(Param param, boolean log, double step, double low, double top) {
      // A log range cannot reach 0: an integer range whose step is twice its low end or more
      // would, so there the lowest value's interval keeps half its distance to 0 instead.
      double lowEdge =
          step == 0 ? low : log ? Math.max(low - 0.5 * step, 0.5 * low) : low - 0.5 * step;
      return new Numeric(param, log, step, lowEdge, top + 0.5 * step);
    }

    /** Returns the model coordinate of value {@code x}. */
    double z(double x) {
      return log ? Math.log(x) : x;
    }

    double zLow() {
      return z(lowEdge);
    }

    double zHigh() {
      return z(highEdge);
    }

    boolean discrete() {
      return step > 0;
    }

    /** Returns the model coordinates of the interval value {@code x} owns (discrete only). */
    double binLow(double x) {
      return z(Math.max(lowEdge, x - 0.5 * step));
    }

    double binHigh(double x) {
      return z(Math.min(highEdge, x + 0.5 * step));
    }

    /** Returns the allowed value nearest to model coordinate {@code z}, as a point. */
    double snap(double z) {
      return ((Number) value(log ? Math.exp(z) : z)).doubleValue();
    }

    @Override
    public double point(Object value) {
      return param.distribution().contains(value) ? ((Number) value).doubleValue() : Double.NaN;
    }

    @Override
    public Object value(double point) {
      return param.distribution() instanceof IntRange r
          ? (Object) Ranges.snap(r, point)
          : (Object) Ranges.snap((FloatRange) param.distribution(), point);
    }
  }

  /** A choice: its values are unordered categories, numbered as the space lists them. */
  record Categorical(Param param, Choice choice) implements Axis {
    int size() {
      return choice.choices().size();
    }

    @Override
    public double point(Object value) {
      for (int i = 0; i < size(); i++) {
        if (Values.same(choice.choices().get(i), value)) {
          return i;
        }
      }
      return Double.NaN;
    }

    @Override
    public Object value(double point) {
      return choice.choices().get((int) point);
    }
  }
}
