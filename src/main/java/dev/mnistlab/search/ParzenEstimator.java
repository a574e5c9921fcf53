package dev.mnistlab.search;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Estimates a density over one or more axes as a weighted mixture of kernels: one per observation,
 * centred on it, plus a broad prior kernel (Bergstra et al. 2011, "Algorithms for Hyper-Parameter
 * Optimization"). Over several axes each kernel is a product of per-axis kernels (Falkner et al.
 * 2018, "BOHB: Robust and Efficient Hyperparameter Optimization at Scale").
 *
 * <p>A numeric kernel is a normal truncated to the axis (for a stepped axis, the mass of each
 * value's interval). Alone on one axis, its width is the larger distance to its neighbours (the
 * prior's centre counting as one; the outermost kernels ignore the bounds); over several axes it is
 * Scott's rule, 0.2 n^(-1/(d+4)) times the axis width. Widths are clipped to between the axis width
 * over min(100, kernels + 1) and the axis width. A categorical kernel puts most of its mass on its
 * observation's category and smooths the rest; the prior kernel is uniform. Older observations
 * weigh less once there are more than 25. Immutable.
 */
final class ParzenEstimator {
  private static final int FULL_WEIGHT = 25;
  private static final int MAX_TRIES = 100;

  private final List<Axis> axes;
  private final double[] logWeights;
  private final double[] cumulative;
  // [kernel][axis]: a numeric kernel's centre in model coordinates or a category (-1 = prior).
  private final double[][] centres;
  private final double[][] widths;
  private final double[][] logNorms;
  private final double smoothing;

  /**
   * Builds the estimator of {@code points} (observations on {@code axes}, oldest first).
   *
   * @param joint whether to use the several-axis width rule even on one axis
   */
  ParzenEstimator(List<Axis> axes, List<double[]> points, double priorWeight, boolean joint) {
    this.axes = List.copyOf(axes);
    int n = points.size();
    int kernels = n + 1;
    double[] weights = new double[kernels];
    int old = n - FULL_WEIGHT;
    for (int i = 0; i < n; i++) {
      // The newest FULL_WEIGHT weigh 1; older ones ramp up linearly from 1/n, so the model
      // follows where the search has moved.
      weights[i] = i >= old ? 1.0 : old == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (old - 1);
    }
    weights[n] = priorWeight;
    double total = Arrays.stream(weights).sum();
    logWeights = new double[kernels];
    cumulative = new double[kernels];
    double running = 0;
    for (int k = 0; k < kernels; k++) {
      logWeights[k] = Math.log(weights[k] / total);
      running += weights[k] / total;
      cumulative[k] = running;
    }
    smoothing = priorWeight / kernels;
    centres = new double[kernels][axes.size()];
    widths = new double[kernels][axes.size()];
    logNorms = new double[kernels][axes.size()];
    for (int a = 0; a < axes.size(); a++) {
      if (axes.get(a) instanceof Axis.Numeric axis) {
        fitNumeric(a, axis, points, joint || axes.size() > 1);
      } else {
        for (int i = 0; i < n; i++) {
          centres[i][a] = points.get(i)[a];
        }
        centres[n][a] = -1;
      }
    }
  }

  private void fitNumeric(int a, Axis.Numeric axis, List<double[]> points, boolean joint) {
    int n = points.size();
    double low = axis.zLow();
    double high = axis.zHigh();
    double span = high - low;
    for (int i = 0; i < n; i++) {
      centres[i][a] = axis.z(points.get(i)[a]);
    }
    centres[n][a] = 0.5 * (low + high);
    if (joint) {
      double scott = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (axes.size() + 4)) * span;
      for (int i = 0; i < n; i++) {
        widths[i][a] = scott;
      }
    } else {
      neighbourWidths(a, n);
    }
    double narrowest = span / Math.min(100.0, n + 2);
    for (int k = 0; k <= n; k++) {
      widths[k][a] = k == n ? span : Math.max(narrowest, Math.min(span, widths[k][a]));
      double mu = centres[k][a];
      double sigma = widths[k][a];
      logNorms[k][a] = Normal.logMass((low - mu) / sigma, (high - mu) / sigma);
    }
  }

  /** Sets each observation's width to the larger gap to its neighbours, prior included. */
  private void neighbourWidths(int a, int n) {
    Integer[] order = new Integer[n + 1];
    for (int k = 0; k <= n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (x, y) -> Double.compare(centres[x][a], centres[y][a]));
    for (int j = 0; j <= n; j++) {
      double left = j > 0 ? centres[order[j]][a] - centres[order[j - 1]][a] : 0;
      double right = j < n ? centres[order[j + 1]][a] - centres[order[j]][a] : 0;
      widths[order[j]][a] = Math.max(left, right);
    }
  }

  /** Draws one point: a kernel by weight, then each axis from that kernel. */
  double[] sample(SplittableRandom rng) {
    double u = rng.nextDouble();
    int k = 0;
    while (k < cumulative.length - 1 && u >= cumulative[k]) {
      k++;
    }
    double[] point = new double[axes.size()];
    for (int a = 0; a < point.length; a++) {
      if (axes.get(a) instanceof Axis.Numeric axis) {
        point[a] = axis.snap(truncatedNormal(rng, centres[k][a], widths[k][a], axis));
      } else {
        point[a] = category(rng, (int) centres[k][a], ((Axis.Categorical) axes.get(a)).size());
      }
    }
    return point;
  }

  private static double truncatedNormal(
      SplittableRandom rng, double mu, double sigma, Axis.Numeric axis) {
    // Every centre lies on the axis and no width exceeds the axis, so at least a third of
    // the draws land inside: rejection is cheap and exact.
    for (int t = 0; t < MAX_TRIES; t++) {
      double z = mu + sigma * rng.nextGaussian();
      if (z >= axis.zLow() && z <= axis.zHigh()) {
        return z;
      }
    }
    return mu;
  }

  private int category(SplittableRandom rng, int own, int size) {
    if (own < 0) {
      return rng.nextInt(size);
    }
    // Each category has mass `smoothing`, the observation's own one more on top.
    double r = rng.nextDouble() * (1 + size * smoothing);
    return r < 1 ? own : Math.min(size - 1, (int) ((r - 1) / smoothing));
  }

  /** Returns the log density (or log mass, on discrete axes) of the mixture at {@code point}. */
  double logDensity(double[] point) {
    double[] terms = new double[logWeights.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < terms.length; k++) {
      double sum = logWeights[k];
      for (int a = 0; a < point.length; a++) {
        sum += logKernel(k, a, point[a]);
      }
      terms[k] = sum;
      max = Math.max(max, sum);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double total = 0;
    for (double t : terms) {
      total += Math.exp(t - max);
    }
    return max + Math.log(total);
  }

  private double logKernel(int k, int a, double x) {
    double mu = centres[k][a];
    if (axes.get(a) instanceof Axis.Numeric axis) {
      double sigma = widths[k][a];
      if (axis.discrete()) {
        return Normal.logMass((axis.binLow(x) - mu) / sigma, (axis.binHigh(x) - mu) / sigma)
            - logNorms[k][a];
      }
      return Normal.logPdf((axis.z(x) - mu) / sigma) - Math.log(sigma) - logNorms[k][a];
    }
    int size = ((Axis.Categorical) axes.get(a)).size();
    if (mu < 0) {
      return -Math.log(size);
    }
    double mass = (int) mu == (int) x ? 1 + smoothing : smoothing;
    return Math.log(mass / (1 + size * smoothing));
  }
}
