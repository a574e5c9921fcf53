package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Erf;

/**
 * Computes parameter importances with PED-ANOVA (Watanabe, Bansal and Hutter, "PED-ANOVA:
 * Efficiently Quantifying Hyperparameter Importance in Arbitrary Subspaces", IJCAI 2023): a
 * parameter matters as much as the distribution of its values among the best trials (the top 10% by
 * value) differs from its distribution among all complete trials, measured as the Pearson
 * divergence of two Parzen estimates. It needs no model of the objective, so ten thousand trials
 * take well under a second, and it is what optuna-dashboard shows.
 *
 * <p>Numeric parameters are read on a grid of at most 50 cells over their range (on the log scale
 * for log parameters), with a discrete Gaussian kernel per cell whose width follows Scott's rule,
 * and a wide prior kernel so that no cell has zero density. A choice's estimate is its counts
 * smoothed by the same prior weight spread evenly over the choices. A conditional parameter is
 * judged on the trials it applies to: its two estimates are built from the top trials and all
 * trials that have it, and it scores 0 when fewer than two top trials have it (the best trials did
 * without it). Importances are normalised to sum to 1.
 *
 * <p>Intervals come from bootstrap resamples of the complete trials (Efron 1979): the whole
 * computation repeated on trials drawn with replacement, its 2.5th and 97.5th percentiles reported.
 * Stateless; the resamples are seeded, so a report is the same on every reading.
 */
public final class PedAnova {
  /** The share of complete trials that counts as the best. */
  public static final double QUANTILE = 0.1;

  /** The bootstrap resamples behind each interval. */
  public static final int RESAMPLES = 200;

  private static final int MAX_CELLS = 50;
  private static final int MIN_TOP = 2;
  private static final double PRIOR_WEIGHT = 1.0;
  private static final double FLOOR = 1e-12;
  private static final long SEED = 20230419L;

  private PedAnova() {}

  /**
   * Returns the importances of {@code params} over the complete {@code trials}, with intervals from
   * {@code resamples} bootstrap resamples (0 for none). Parameters that can take only one value are
   * left out; with fewer than three complete trials every parameter gets an equal share.
   */
  public static ParamImportances evaluate(
      List<SearchTrial> trials, List<SearchParam> params, boolean maximize, int resamples) {
    if (resamples < 0) {
      throw new IllegalArgumentException("resamples must be >= 0, got " + resamples);
    }
    List<SearchTrial> scored = trials.stream().filter(SearchTrial::scored).toList();
    List<SearchParam> varying = params.stream().filter(p -> !p.single()).toList();
    int n = scored.size();
    int k = varying.size();
    // Better values first on one scale, whichever way the search optimises.
    double[] loss = new double[n];
    int[][] cells = new int[k][n];
    int[] gridSizes = new int[k];
    for (int j = 0; j < k; j++) {
      gridSizes[j] = gridSize(varying.get(j));
    }
    for (int i = 0; i < n; i++) {
      SearchTrial t = scored.get(i);
      loss[i] = maximize ? -t.value() : t.value();
      for (int j = 0; j < k; j++) {
        cells[j][i] = cell(varying.get(j), gridSizes[j], t.params().get(varying.get(j).name()));
      }
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    double[] point = shares(loss, cells, gridSizes, varying, all);
    double[][] draws = new double[k][resamples];
    if (n > 0) {
      // One seed per resample, drawn in order, so resamples can run on every core and still give
      // the same intervals on every reading.
      SplittableRandom random = new SplittableRandom(SEED);
      long[] seeds = new long[resamples];
      Arrays.setAll(seeds, b -> random.nextLong());
      IntStream.range(0, resamples)
          .parallel()
          .forEach(
              b -> {
                SplittableRandom draw = new SplittableRandom(seeds[b]);
                int[] sample = new int[n];
                for (int i = 0; i < n; i++) {
                  sample[i] = draw.nextInt(n);
                }
                double[] s = shares(loss, cells, gridSizes, varying, sample);
                for (int j = 0; j < k; j++) {
                  draws[j][b] = s[j];
                }
              });
    }
    List<ParamImportances.Importance> out = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      int applied = 0;
      for (int i = 0; i < n; i++) {
        applied += cells[j][i] >= 0 ? 1 : 0;
      }
      double low = Double.NaN;
      double high = Double.NaN;
      if (resamples > 0 && n > 0) {
        double[] d = draws[j].clone();
        Arrays.sort(d);
        low = percentile(d, 0.025);
        high = percentile(d, 0.975);
      }
      out.add(new ParamImportances.Importance(varying.get(j).name(), point[j], low, high, applied));
    }
    out.sort(
        Comparator.comparingDouble(ParamImportances.Importance::value)
            .reversed()
            .thenComparing(ParamImportances.Importance::param));
    String method =
        "PED-ANOVA (Watanabe et al. 2023): top "
            + Math.round(QUANTILE * 100)
            + "% of complete trials against all"
            + (resamples > 0 ? ", 95% intervals from " + resamples + " bootstrap resamples" : "");
    return new ParamImportances(method, n, n > 0 ? resamples : 0, out);
  }

  /** Returns the normalised importances of every parameter over the trials {@code sample}. */
  private static double[] shares(
      double[] loss, int[][] cells, int[] gridSizes, List<SearchParam> params, int[] sample) {
    int k = params.size();
    double[] shares = new double[k];
    if (k == 0) {
      return shares;
    }
    if (sample.length <= MIN_TOP) {
      Arrays.fill(shares, 1.0 / k);
      return shares;
    }
    double cutoff = cutoff(loss, sample);
    double sum = 0;
    for (int j = 0; j < k; j++) {
      int g = gridSizes[j];
      double[] allCounts = new double[g];
      double[] topCounts = new double[g];
      int topTotal = 0;
      for (int i : sample) {
        int c = cells[j][i];
        if (c < 0) {
          continue;
        }
        allCounts[c]++;
        if (loss[i] <= cutoff) {
          topCounts[c]++;
          topTotal++;
        }
      }
      if (topTotal < MIN_TOP) {
        continue;
      }
      boolean choice = params.get(j).kind() == SearchParam.Kind.CHOICE;
      double[] pTop = choice ? smoothedCounts(topCounts) : parzen(topCounts);
      double[] pAll = choice ? smoothedCounts(allCounts) : parzen(allCounts);
      double divergence = 0;
      for (int c = 0; c < g; c++) {
        double a = pAll[c] + FLOOR;
        double r = (pTop[c] + FLOOR) / a - 1;
        divergence += a * r * r;
      }
      shares[j] = divergence;
      sum += divergence;
    }
    if (sum > 0) {
      for (int j = 0; j < k; j++) {
        shares[j] /= sum;
      }
    } else {
      Arrays.fill(shares, 1.0 / k);
    }
    return shares;
  }

  /**
   * Returns the loss at which a trial is among the best: the worse of the top {@link #QUANTILE}'s
   * boundary and the {@link #MIN_TOP}-th best, so the top set never has fewer than two trials.
   */
  private static double cutoff(double[] loss, int[] sample) {
    double[] sorted = new double[sample.length];
    for (int i = 0; i < sample.length; i++) {
      sorted[i] = loss[sample[i]];
    }
    Arrays.sort(sorted);
    int quantileIndex = (int) Math.ceil(QUANTILE * sorted.length) - 1;
    return sorted[Math.max(MIN_TOP - 1, quantileIndex)];
  }

  /**
   * Returns a discrete Parzen estimate over grid cells from counts per cell: a Gaussian kernel at
   * each occupied cell weighted by its count, with Scott's bandwidth (Scott 1992) on the cell
   * scale, plus a prior kernel centred on the grid and as wide as it, of weight {@link
   * #PRIOR_WEIGHT}.
   */
  static double[] parzen(double[] counts) {
    int g = counts.length;
    double n = 0;
    double mean = 0;
    for (int c = 0; c < g; c++) {
      n += counts[c];
      mean += c * counts[c];
    }
    mean /= n;
    double variance = 0;
    for (int c = 0; c < g; c++) {
      variance += counts[c] * (c - mean) * (c - mean);
    }
    double sd = Math.sqrt(variance / Math.max(1, n - 1));
    double iqr = quantileCell(counts, n, 0.75) - quantileCell(counts, n, 0.25);
    double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
    // Scott's rule; the floor keeps 90% of a kernel's mass within half a cell of its centre, so a
    // lone value still spreads into its own cell rather than vanishing between cell edges.
    double sigma = Math.max(1.059 * spread * Math.pow(n, -0.2), 0.5 / 1.64);
    double[] density = new double[g];
    // The kernels at cells share one width: the normal's CDF at every half-cell offset, computed
    // once, gives each kernel's mass per cell by differences.
    double[] cdfAt = new double[2 * g + 1];
    for (int d = -g; d <= g; d++) {
      cdfAt[d + g] = cdf((d + 0.5) / sigma);
    }
    for (int m = 0; m < g; m++) {
      if (counts[m] == 0) {
        continue;
      }
      // Truncated to the grid: the mass inside it is cdf(g - 1 - m + 0.5) - cdf(-m - 0.5).
      double inside = cdfAt[g - 1 - m + g] - cdfAt[-m - 1 + g];
      for (int c = 0; c < g; c++) {
        density[c] += counts[m] * (cdfAt[c - m + g] - cdfAt[c - m - 1 + g]) / inside;
      }
    }
    addKernel(density, (g - 1) / 2.0, g, PRIOR_WEIGHT);
    double total = n + PRIOR_WEIGHT;
    for (int c = 0; c < g; c++) {
      density[c] /= total;
    }
    return density;
  }

  /**
   * Adds {@code weight} times a Gaussian's mass per cell, truncated to the grid and renormalised.
   */
  private static void addKernel(double[] density, double mu, double sigma, double weight) {
    int g = density.length;
    double[] mass = new double[g];
    double sum = 0;
    for (int c = 0; c < g; c++) {
      mass[c] = cdf((c + 0.5 - mu) / sigma) - cdf((c - 0.5 - mu) / sigma);
      sum += mass[c];
    }
    for (int c = 0; c < g; c++) {
      density[c] += weight * mass[c] / sum;
    }
  }

  private static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  /** Returns the cell at which the cumulative count first reaches {@code q} of the total. */
  private static double quantileCell(double[] counts, double n, double q) {
    double target = q * n;
    double cumulative = 0;
    for (int c = 0; c < counts.length; c++) {
      cumulative += counts[c];
      if (cumulative >= target && counts[c] > 0) {
        return c;
      }
    }
    return counts.length - 1;
  }

  /** Returns a choice's counts smoothed by the prior weight spread evenly, as probabilities. */
  static double[] smoothedCounts(double[] counts) {
    double n = Arrays.stream(counts).sum();
    double[] p = new double[counts.length];
    for (int c = 0; c < counts.length; c++) {
      p[c] = (counts[c] + PRIOR_WEIGHT / counts.length) / (n + PRIOR_WEIGHT);
    }
    return p;
  }

  /** Returns how many cells a parameter's axis is read on. */
  static int gridSize(SearchParam p) {
    return switch (p.kind()) {
      case CHOICE -> p.choices().size();
      case INT ->
          p.log()
              ? Math.min(
                  MAX_CELLS, (int) Math.ceil(Math.log(p.high() - p.low() + 1) / Math.log(2)) + 1)
              : (int) Math.min(MAX_CELLS, p.high() - p.low() + 1);
      case FLOAT -> MAX_CELLS;
    };
  }

  /** Returns the grid cell {@code value} falls in, or -1 when the parameter does not apply. */
  static int cell(SearchParam p, int gridSize, Object value) {
    double position = p.position(value);
    if (Double.isNaN(position)) {
      return -1;
    }
    if (p.kind() == SearchParam.Kind.CHOICE) {
      return (int) position;
    }
    double low = p.log() ? Math.log(p.low()) : p.low();
    double high = p.log() ? Math.log(p.high()) : p.high();
    if (gridSize == 1 || high == low) {
      return 0;
    }
    double step = (high - low) / (gridSize - 1);
    long c = Math.round((position - low) / step);
    return (int) Math.max(0, Math.min(gridSize - 1, c));
  }

  private static double percentile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int lo = (int) Math.floor(at);
    int hi = (int) Math.ceil(at);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
  }
}
