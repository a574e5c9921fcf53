package dev.mnistlab.analysis;

import java.util.Arrays;
import java.util.Collection;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Computes means, sample standard deviations and 95% Student's t intervals of a mean (Student
 * 1908). Values that are not finite (NaN from a run without a validation split, infinity from a
 * diverged run) are dropped first, so {@code n} counts the values used. Student's t comes from
 * Commons Math's {@link TDistribution}. Stateless and thread-safe.
 */
public final class Stats {
  /** The two-sided confidence level of every interval here. */
  public static final double CONFIDENCE = 0.95;

  /** The absolute accuracy of t quantiles; Commons Math's default, 1e-9, is coarser. */
  private static final double QUANTILE_ACCURACY = 1e-12;

  private Stats() {}

  /** Returns the finite values, in order. */
  public static double[] finite(double... values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }

  /** Returns the finite values of a collection, in iteration order. */
  public static double[] finite(Collection<? extends Number> values) {
    return finite(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  /** Returns the mean of the finite values, or NaN when there are none. */
  public static double mean(double... values) {
    double[] v = finite(values);
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  /** Returns the sample standard deviation (divisor n - 1) of the finite values; NaN below 2. */
  public static double sd(double... values) {
    double[] v = finite(values);
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = mean(v);
    double sum = 0;
    for (double x : v) {
      sum += (x - m) * (x - m);
    }
    return Math.sqrt(sum / (v.length - 1));
  }

  /**
   * Returns the mean of the finite values with its 95% t-interval, {@code mean +- t_{0.975, n-1} *
   * sd / sqrt(n)}. With one value low and high equal the mean (no spread can be measured); with
   * none all three are NaN and n is 0.
   */
  public static Band band(double... values) {
    double[] v = finite(values);
    int n = v.length;
    if (n == 0) {
      return new Band(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double m = mean(v);
    if (n == 1) {
      return new Band(m, m, m, 1);
    }
    double half = tQuantile(0.5 + CONFIDENCE / 2, n - 1) * sd(v) / Math.sqrt(n);
    return new Band(m, m - half, m + half, n);
  }

  /** Returns {@link #band(double...)} of a collection's finite values. */
  public static Band band(Collection<? extends Number> values) {
    return band(finite(values));
  }

  /** Returns half the width of a band's interval; NaN when the band has no interval. */
  public static double halfWidth(Band band) {
    return (band.high() - band.low()) / 2;
  }

  /**
   * Returns the t with {@code P(T <= t) = p} for Student's t with {@code df} degrees of freedom, a
   * real number above 0.
   */
  static double tQuantile(double p, double df) {
    return t(df).inverseCumulativeProbability(p);
  }

  /** Returns the two-sided p-value {@code P(|T| >= |t|)} for {@code df} degrees of freedom. */
  static double tTwoSidedP(double t, double df) {
    // The lower tail of -|t| is half the regularized beta function, so nothing is lost to
    // cancellation as it would be in 2 * (1 - cdf(|t|)).
    return 2 * t(df).cumulativeProbability(-Math.abs(t));
  }

  private static TDistribution t(double df) {
    // No random generator: nothing here samples, and seeding one costs more than the maths.
    return new TDistribution(null, df, QUANTILE_ACCURACY);
  }
}
