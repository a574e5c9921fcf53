package dev.mnistlab.analysis;

/**
 * Compares the means of two samples with Welch's t-test (Welch 1947), which does not assume equal
 * variances: {@code t = (mean(b) - mean(a)) / se} with {@code se = sqrt(var(a)/nA + var(b)/nB)} and
 * the Welch-Satterthwaite degrees of freedom (Satterthwaite 1946) {@code df = se^4 /
 * ((var(a)/nA)^2/(nA-1) + (var(b)/nB)^2/(nB-1))}.
 *
 * <p>When either side has fewer than 2 finite values, or both sides have zero variance, the noise
 * cannot be measured: {@code t}, {@code df}, {@code p}, {@code low} and {@code high} are then NaN,
 * and only the difference is given.
 *
 * @param difference mean(b) - mean(a): positive when b is larger
 * @param low lower end of the difference's 95% interval ({@code difference - t_{0.975,df} se})
 * @param high upper end of that interval
 * @param t the t statistic of b - a (same sign as the difference)
 * @param df the Welch-Satterthwaite degrees of freedom, a real number
 * @param p the two-sided p-value of "the means are equal"
 * @param nA finite values on side a
 * @param nB finite values on side b
 */
public record Welch(
    double difference, double low, double high, double t, double df, double p, int nA, int nB) {

  public Welch {
    if (nA < 0 || nB < 0) {
      throw new IllegalArgumentException("sample sizes must be >= 0, got " + nA + " and " + nB);
    }
  }

  /** Returns Welch's test of mean(b) - mean(a) over the finite values of each sample. */
  public static Welch of(double[] a, double[] b) {
    double[] x = Stats.finite(a);
    double[] y = Stats.finite(b);
    double difference = Stats.mean(y) - Stats.mean(x);
    if (x.length < 2 || y.length < 2) {
      return undecided(difference, x.length, y.length);
    }
    double va = square(Stats.sd(x)) / x.length;
    double vb = square(Stats.sd(y)) / y.length;
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return undecided(difference, x.length, y.length);
    }
    double df = square(va + vb) / (square(va) / (x.length - 1) + square(vb) / (y.length - 1));
    double t = difference / se;
    double half = Stats.tQuantile(0.5 + Stats.CONFIDENCE / 2, df) * se;
    return new Welch(
        difference,
        difference - half,
        difference + half,
        t,
        df,
        Stats.tTwoSidedP(t, df),
        x.length,
        y.length);
  }

  /** Returns true when the 95% interval excludes 0 (equivalently p below 0.05). */
  public boolean significant() {
    return low > 0 || high < 0;
  }

  private static Welch undecided(double difference, int nA, int nB) {
    return new Welch(
        difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nA, nB);
  }

  private static double square(double v) {
    return v * v;
  }
}
