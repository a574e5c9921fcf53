package dev.mnistlab.analysis;

/**
 * Computes Student's t distribution for any real degrees of freedom above 0.
 *
 * <p>The CDF goes through the regularized incomplete beta function, {@code P(T <= t) = 1 -
 * I_x(df/2, 1/2) / 2} for {@code t >= 0} with {@code x = df / (df + t^2)}, which is evaluated by
 * its continued fraction (Lentz's method; see Press et al., Numerical Recipes, 3rd ed., 2007,
 * section 6.4). The log-gamma function uses Lanczos's approximation (Lanczos 1964). The quantile
 * inverts the CDF by bisection. Stateless and thread-safe.
 */
public final class StudentT {
  private static final int MAX_ITERATIONS = 100_000;
  private static final double EPS = 1e-15;
  private static final double TINY = 1e-300;
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  private StudentT() {}

  /**
   * Returns {@code P(T <= t)} for Student's t with {@code df} degrees of freedom.
   *
   * @throws IllegalArgumentException when df is not a finite number above 0
   */
  public static double cdf(double t, double df) {
    requireDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return t > 0 ? 1 : 0;
    }
    double x = df / (df + t * t);
    double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /**
   * Returns the two-sided p-value {@code P(|T| >= |t|)}; NaN when t is NaN.
   *
   * @throws IllegalArgumentException when df is not a finite number above 0
   */
  public static double twoSidedP(double t, double df) {
    requireDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    // The tail straight from the beta function keeps precision that 1 - cdf would lose.
    return regularizedBeta(df / (df + t * t), df / 2, 0.5);
  }

  /**
   * Returns the t with {@code P(T <= t) = p}, e.g. {@code quantile(0.975, 10) = 2.228139}.
   *
   * @throws IllegalArgumentException when p is not in (0, 1) or df not a finite number above 0
   */
  public static double quantile(double p, double df) {
    requireDf(df);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
    }
    if (p == 0.5) {
      return 0;
    }
    if (p < 0.5) {
      return -quantile(1 - p, df);
    }
    double low = 0;
    double high = 1;
    while (cdf(high, df) < p) {
      low = high;
      high *= 2;
      if (Double.isInfinite(high)) {
        return Double.POSITIVE_INFINITY;
      }
    }
    for (int i = 0; i < 200 && high - low > 1e-14 * Math.max(1, high); i++) {
      double mid = 0.5 * (low + high);
      if (cdf(mid, df) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return 0.5 * (low + high);
  }

  /** Returns the regularized incomplete beta function {@code I_x(a, b)} for a, b above 0. */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double logFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    double front = Math.exp(logFront);
    // The continued fraction converges fast only below (a+1)/(a+b+2); use the symmetry
    // I_x(a, b) = 1 - I_{1-x}(b, a) above it.
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  /** Returns the natural log of the gamma function for x above 0 (Lanczos, g = 7). */
  static double logGamma(double x) {
    if (x < 0.5) {
      // Reflection keeps the approximation in the range where it is accurate.
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  private static double continuedFraction(double x, double a, double b) {
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / nonZero(d);
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 / nonZero(1 + even * d);
      c = nonZero(1 + even / c);
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 / nonZero(1 + odd * d);
      c = nonZero(1 + odd / c);
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < EPS) {
        return h;
      }
    }
    return h;
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }

  private static void requireDf(double df) {
    if (!(df > 0 && Double.isFinite(df))) {
      throw new IllegalArgumentException(
          "degrees of freedom must be a finite number > 0, got " + df);
    }
  }
}
