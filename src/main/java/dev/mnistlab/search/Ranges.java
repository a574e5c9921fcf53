package dev.mnistlab.search;

import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;
import java.math.BigDecimal;

/**
 * Counts, indexes and snaps the values of numeric ranges, shared by every sampler so that all of
 * them produce the same values for the same position (e.g. 0.15, not 0.15000000000000002).
 */
final class Ranges {
  private Ranges() {}

  /** Returns how many values {@code r} holds. */
  static long count(IntRange r) {
    return ((long) r.high() - r.low()) / r.step() + 1;
  }

  /** Returns value {@code k} (0-based) of {@code r}. */
  static int valueAt(IntRange r, long k) {
    return (int) (r.low() + k * r.step());
  }

  /** Returns the value of {@code r} nearest to {@code x}. */
  static int snap(IntRange r, double x) {
    double k = Math.rint((x - r.low()) / r.step());
    return valueAt(r, (long) Math.max(0, Math.min(count(r) - 1, k)));
  }

  /** Returns how many values a stepped {@code r} holds. */
  static long count(FloatRange r) {
    if (r.step() == 0) {
      throw new IllegalArgumentException("a continuous range has no value count");
    }
    // The small slack keeps 0.5 / 0.05 = 9.999999999999998 from losing the top value.
    return (long) Math.floor((r.high() - r.low()) / r.step() + 1e-9) + 1;
  }

  /** Returns value {@code k} (0-based) of a stepped {@code r}, written as its decimal reads. */
  static double valueAt(FloatRange r, long k) {
    return BigDecimal.valueOf(r.low())
        .add(BigDecimal.valueOf(r.step()).multiply(BigDecimal.valueOf(k)))
        .doubleValue();
  }

  /** Returns the value of {@code r} nearest to {@code x}: a step point, or {@code x} clamped. */
  static double snap(FloatRange r, double x) {
    if (r.step() == 0) {
      return Math.max(r.low(), Math.min(r.high(), x));
    }
    double k = Math.rint((x - r.low()) / r.step());
    return valueAt(r, (long) Math.max(0, Math.min(count(r) - 1, k)));
  }

  /** Returns whether {@code d} can take only one value, so there is nothing to choose. */
  static boolean single(Distribution d) {
    if (d instanceof IntRange r) {
      return count(r) == 1;
    }
    if (d instanceof FloatRange r) {
      return r.low() == r.high() || (r.step() > 0 && count(r) == 1);
    }
    if (d instanceof Distribution.Choice c) {
      return c.choices().size() == 1;
    }
    return true;
  }

  /** Returns the one value of a {@link #single} distribution. */
  static Object only(Distribution d) {
    if (d instanceof IntRange r) {
      return r.low();
    }
    if (d instanceof FloatRange r) {
      return r.low();
    }
    if (d instanceof Distribution.Choice c) {
      return c.choices().get(0);
    }
    return ((Distribution.Fixed) d).value();
  }
}
