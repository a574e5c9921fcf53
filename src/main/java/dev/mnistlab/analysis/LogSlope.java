package dev.mnistlab.analysis;

/**
 * Fits {@code ln y = a + k ln x} by least squares and returns k: the exponent of a power law {@code
 * y ~ x^k}, such as the best learning rate against the batch size, or the step-loss noise against
 * the batch size.
 */
final class LogSlope {
  private LogSlope() {}

  /**
   * Returns k over the pairs whose x and y are both finite and above 0; NaN when fewer than two
   * such pairs have different x.
   */
  static double of(double[] x, double[] y) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (usable(x[i], y[i])) {
        sx += Math.log(x[i]);
        sy += Math.log(y[i]);
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      if (usable(x[i], y[i])) {
        double dx = Math.log(x[i]) - mx;
        sxy += dx * (Math.log(y[i]) - my);
        sxx += dx * dx;
      }
    }
    return sxx == 0 ? Double.NaN : sxy / sxx;
  }

  private static boolean usable(double x, double y) {
    return x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y);
  }
}
