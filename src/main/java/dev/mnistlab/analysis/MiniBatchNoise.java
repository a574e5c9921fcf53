package dev.mnistlab.analysis;

import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainResult;
import java.util.Objects;

/**
 * Measures how noisy the sampled per-step training loss is around its trend: each step loss minus
 * the centred moving average of {@link #WINDOW} samples around it, over the second half of training
 * (where the trend is flat enough to separate from the noise). Each mini-batch sees a different
 * sample of the data, so its loss scatters around the epoch's loss, the more the smaller the batch;
 * comparing trials shows batch 16 vs 100 or Adam vs SGD.
 *
 * @param trial the trial's name
 * @param batchSize the trial's batch size
 * @param optimizer the trial's optimizer
 * @param samples the residuals used, summed over runs
 * @param noise the sample standard deviation of the residuals, averaged over runs; NaN when no run
 *     has enough samples (at least {@link #WINDOW} finite ones and 2 residuals)
 * @param relativeNoise each run's {@code noise} divided by its mean moving average over the same
 *     steps, averaged over runs
 * @param meanLoss the mean moving average over those steps, averaged over runs
 */
public record MiniBatchNoise(
    String trial,
    int batchSize,
    OptimizerKind optimizer,
    int samples,
    double noise,
    double relativeNoise,
    double meanLoss) {

  /** Samples in the centred moving average; odd, so it has a middle. */
  public static final int WINDOW = 21;

  /**
   * Sampled step losses a run needs for a spread: two residuals in the second half of training, at
   * least {@code WINDOW / 2} samples from either end.
   */
  public static final int MIN_SAMPLES = WINDOW + 2;

  public MiniBatchNoise {
    Objects.requireNonNull(trial, "trial");
  }

  /**
   * Returns whether any run had enough sampled step losses ({@link #MIN_SAMPLES}) for a spread;
   * when not, {@code noise}, {@code relativeNoise} and perhaps {@code meanLoss} are NaN.
   */
  public boolean measured() {
    return Double.isFinite(noise);
  }

  /** Returns the mini-batch noise of a trial's sampled step losses. */
  public static MiniBatchNoise of(TrialRuns trial) {
    int count = trial.runs().size();
    double[] noise = new double[count];
    double[] relative = new double[count];
    double[] level = new double[count];
    int samples = 0;
    for (int r = 0; r < count; r++) {
      Detrended d = detrend(trial.runs().get(r));
      samples += d.residual().length;
      noise[r] = Stats.sd(d.residual());
      level[r] = Stats.mean(d.average());
      relative[r] = noise[r] / level[r];
    }
    return new MiniBatchNoise(
        trial.name(),
        trial.config().batchSize(),
        trial.config().optimizer(),
        samples,
        Stats.mean(noise),
        Stats.mean(relative),
        Stats.mean(level));
  }

  /** Holds each step's loss minus its moving average, and that moving average. */
  private record Detrended(double[] residual, double[] average) {}

  private static Detrended detrend(TrainResult run) {
    double[] loss =
        run.steps().stream().mapToDouble(StepLoss::loss).filter(Double::isFinite).toArray();
    int half = WINDOW / 2;
    int from = Math.max(loss.length / 2, half);
    int to = loss.length - half;
    int n = Math.max(0, to - from);
    double[] residual = new double[n];
    double[] average = new double[n];
    for (int i = from; i < to; i++) {
      double sum = 0;
      for (int j = i - half; j <= i + half; j++) {
        sum += loss[j];
      }
      average[i - from] = sum / WINDOW;
      residual[i - from] = loss[i] - average[i - from];
    }
    return new Detrended(residual, average);
  }
}
