package dev.mnistlab.search;

/**
 * Says which values one parameter of a search space may take.
 *
 * <p>Values are {@link Integer} for {@link IntRange}, {@link Double} for {@link FloatRange}, and
 * numbers, strings or booleans for {@link Choice} and {@link Fixed}.
 */
public sealed interface Distribution
    permits Distribution.IntRange,
        Distribution.FloatRange,
        Distribution.Choice,
        Distribution.Fixed {

  /** Returns whether {@code value} is one this distribution can produce. */
  boolean contains(Object value);

  /**
   * Integers from {@code low} to {@code high} inclusive, in steps of {@code step}, sampled
   * uniformly or, with {@code log}, uniformly in the logarithm.
   */
  record IntRange(int low, int high, int step, boolean log) implements Distribution {
    public IntRange {
      if (step < 1) {
        throw new IllegalArgumentException("step must be >= 1, got " + step);
      }
      if (high < low) {
        throw new IllegalArgumentException("high must be >= low (" + low + "), got " + high);
      }
      if (log && low < 1) {
        throw new IllegalArgumentException("a log range needs low >= 1, got " + low);
      }
    }

    @Override
    public boolean contains(Object value) {
      return value instanceof Integer i && i >= low && i <= high && (i - low) % step == 0;
    }
  }

  /**
   * Reals from {@code low} to {@code high}, uniform or, with {@code log}, log-uniform; with {@code
   * step > 0}, only {@code low + k * step}.
   */
  record FloatRange(double low, double high, double step, boolean log) implements Distribution {
    public FloatRange {
      if (!(high >= low) || !Double.isFinite(low) || !Double.isFinite(high)) {
        throw new IllegalArgumentException("need finite low <= high, got " + low + ", " + high);
      }
      if (log && low <= 0) {
        throw new IllegalArgumentException("a log range needs low > 0, got " + low);
      }
      if (step < 0 || (log && step > 0)) {
        throw new IllegalArgumentException("step must be >= 0 and only on a linear range");
      }
    }

    @Override
    public boolean contains(Object value) {
      if (!(value instanceof Number n)) {
        return false;
      }
      double v = n.doubleValue();
      double tolerance = 1e-9 * Math.max(1, Math.abs(high));
      if (v < low - tolerance || v > high + tolerance) {
        return false;
      }
      if (step == 0) {
        return true;
      }
      double k = (v - low) / step;
      return Math.abs(k - Math.rint(k)) < 1e-6;
    }
  }

  /** One of a fixed list of values, unordered. */
  record Choice(java.util.List<Object> choices) implements Distribution {
    public Choice {
      if (choices.isEmpty()) {
        throw new IllegalArgumentException("a choice needs at least one value");
      }
      choices = java.util.List.copyOf(choices);
    }

    @Override
    public boolean contains(Object value) {
      return choices.stream().anyMatch(c -> Values.same(c, value));
    }
  }

  /** Always {@code value}: a setting the space pins for every trial. */
  record Fixed(Object value) implements Distribution {
    public Fixed {
      java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean contains(Object value) {
      return Values.same(this.value, value);
    }
  }
}
