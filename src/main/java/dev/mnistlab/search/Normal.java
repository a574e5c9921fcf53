package dev.mnistlab.search;

/**
 * Evaluates the standard normal distribution in log space, so that far tails (a narrow kernel
 * judged far from its centre) stay finite instead of rounding to zero.
 */
final class Normal {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT2 = Math.sqrt(2);

  private Normal() {}

  /** Returns the log of the standard normal density at {@code x}. */
  static double logPdf(double x) {
    return -0.5 * x * x - LOG_SQRT_2PI;
  }

  /** Returns the log of the standard normal mass between {@code a} and {@code b >= a}. */
  static double logMass(double a, double b) {
    if (b <= a) {
      return Double.NEGATIVE_INFINITY;
    }
    if (b <= 0) {
      return logMass(-b, -a);
    }
    if (a >= 0) {
      // Both in the upper tail: Q(a) - Q(b), with Q(x) = erfc(x / sqrt 2) / 2 kept in logs.
      double qa = logErfc(a / SQRT2);
      double qb = logErfc(b / SQRT2);
      return Math.log(0.5) + qa + Math.log1p(-Math.exp(qb - qa));
    }
    if (b - a < 1e-3) {
      // A narrow interval around 0: 1 - Q(-a) - Q(b) would cancel almost to nothing.
      return Math.log(b - a) + logPdf(0.5 * (a + b));
    }
    return Math.log1p(-0.5 * Math.exp(logErfc(-a / SQRT2)) - 0.5 * Math.exp(logErfc(b / SQRT2)));
  }

  /**
   * Returns log erfc(x) for x >= 0, by the Chebyshev fit of Press et al., "Numerical Recipes in C"
   * (2nd ed., 1992, section 6.2), whose relative error is below 1.2e-7 everywhere.
   */
  static double logErfc(double x) {
    double t = 1 / (1 + 0.5 * x);
    double poly =
        -1.26551223
            + t
                * (1.00002368
                    + t
                        * (0.37409196
                            + t
                                * (0.09678418
                                    + t
                                        * (-0.18628806
                                            + t
                                                * (0.27886807
                                                    + t
                                                        * (-1.13520398
                                                            + t
                                                                * (1.48851587
                                                                    + t
                                                                        * (-0.82215223
                                                                            + t
                                                                                * 0.17087277))))))));
    return Math.log(t) - x * x + poly;
  }
}
