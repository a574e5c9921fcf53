package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Extracts one number per run, or per run and epoch, for the analyses of this package. */
final class Runs {
  private Runs() {}

  /** Returns one value per run, in run order (not-finite values are left for Stats to drop). */
  static double[] each(List<TrainResult> runs, ToDoubleFunction<TrainResult> value) {
    return runs.stream().mapToDouble(value).toArray();
  }

  /** Returns a metric of each run's last finished epoch; NaN for a run with no epoch. */
  static double[] last(List<TrainResult> runs, ToDoubleFunction<EpochMetrics> metric) {
    return each(
        runs, r -> r.lastEpoch() == null ? Double.NaN : metric.applyAsDouble(r.lastEpoch()));
  }

  /** Returns one run's metric by epoch, index 0 being its first finished epoch. */
  static double[] curve(TrainResult run, ToDoubleFunction<EpochMetrics> metric) {
    return run.epochs().stream().mapToDouble(metric).toArray();
  }

  /** Returns the 1-based position of the smallest finite value, or 0 when none is finite. */
  static int argMin(double[] values) {
    int best = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isFinite(values[i]) && (best == 0 || values[i] < values[best - 1])) {
        best = i + 1;
      }
    }
    return best;
  }

  /** Returns the 1-based position of the largest finite value, or 0 when none is finite. */
  static int argMax(double[] values) {
    double[] negated = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      negated[i] = -values[i];
    }
    return argMin(negated);
  }

  /** Returns the means of a list of bands, in order. */
  static double[] means(List<Band> bands) {
    return bands.stream().mapToDouble(Band::mean).toArray();
  }
}
