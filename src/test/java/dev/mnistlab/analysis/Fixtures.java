package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds hand-made training results for the analysis tests. */
final class Fixtures {
  static final TrainConfig CONFIG = TrainConfig.defaults();

  private Fixtures() {}

  /** Returns a complete run with the given per-epoch curves and test accuracy. */
  static TrainResult run(
      double testAccuracy, double[] trainLoss, double[] valLoss, double[] valAccuracy) {
    return run(CONFIG, RunState.COMPLETE, testAccuracy, trainLoss, valLoss, valAccuracy, List.of());
  }

  /** Returns a run with every field given. */
  static TrainResult run(
      TrainConfig config,
      RunState state,
      double testAccuracy,
      double[] trainLoss,
      double[] valLoss,
      double[] valAccuracy,
      List<StepLoss> steps) {
    List<EpochMetrics> epochs = new ArrayList<>();
    for (int e = 0; e < trainLoss.length; e++) {
      epochs.add(
          new EpochMetrics(
              e + 1,
              trainLoss[e],
              trainLoss[e],
              valLoss[e],
              valAccuracy[e],
              config.lr(),
              1.0,
              1000.0));
    }
    return new TrainResult(
        config,
        null,
        epochs,
        steps,
        new Evaluation(0.1, testAccuracy),
        state,
        "",
        0,
        10.0 * trainLoss.length,
        500.0);
  }

  /** Returns a run whose final validation and test accuracy are given, over 3 flat epochs. */
  static TrainResult flat(double valAccuracy, double testAccuracy) {
    return run(testAccuracy, fill(3, 0.1), fill(3, 0.2), fill(3, valAccuracy));
  }

  /** Returns a complete run with only sampled step losses (one per step) and flat curves. */
  static TrainResult withSteps(TrainConfig config, double[] losses) {
    List<StepLoss> steps = new ArrayList<>();
    for (int i = 0; i < losses.length; i++) {
      steps.add(new StepLoss(i + 1, 1, losses[i]));
    }
    return run(config, RunState.COMPLETE, 0.97, fill(1, 0.1), fill(1, 0.1), fill(1, 0.97), steps);
  }

  /**
   * Returns a run that diverged at {@code step}, after finishing {@code epochsDone} epochs of
   * falling loss and rising accuracy.
   */
  static TrainResult diverged(long step, int epochsDone) {
    List<EpochMetrics> epochs = new ArrayList<>();
    for (int e = 1; e <= epochsDone; e++) {
      epochs.add(new EpochMetrics(e, 1.0 / e, 1.0 / e, 1.0 / e, 0.5, CONFIG.lr(), 1.0, 1000.0));
    }
    return new TrainResult(
        CONFIG,
        null,
        epochs,
        List.of(),
        null,
        RunState.DIVERGED,
        "loss became NaN at step " + step,
        step,
        2.0,
        500.0);
  }

  /** Returns a run that failed before finishing an epoch. */
  static TrainResult failed() {
    return new TrainResult(
        CONFIG, null, List.of(), List.of(), null, RunState.FAILED, "engine error", 0, 1.0, 500.0);
  }

  /** Returns {@code run} with another wall time. */
  static TrainResult seconds(TrainResult run, double seconds) {
    return new TrainResult(
        run.config(),
        run.provenance(),
        run.epochs(),
        run.steps(),
        run.test(),
        run.state(),
        run.message(),
        run.divergedAtStep(),
        seconds,
        run.peakRssMb());
  }

  /** Returns complete runs over 3 flat epochs, one per final validation accuracy. */
  static TrainResult[] flats(double... valAccuracies) {
    return Arrays.stream(valAccuracies).mapToObj(a -> flat(a, a)).toArray(TrainResult[]::new);
  }

  /** Returns one value of a factor whose runs use the default config. */
  static FactorLevel level(String label, double value, TrainResult... runs) {
    return new FactorLevel(label, value, trial("trial " + label, runs));
  }

  /** Returns a trial of the default config. */
  static TrialRuns trial(String name, TrainResult... runs) {
    return new TrialRuns(name, CONFIG, List.of(runs), null, null);
  }

  /** Returns n copies of a value. */
  static double[] fill(int n, double value) {
    double[] values = new double[n];
    Arrays.fill(values, value);
    return values;
  }

  /** Returns a + (b - a) * i / (n - 1) for i in 0..n-1. */
  static double[] line(int n, double a, double b) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a + (b - a) * i / (n - 1);
    }
    return values;
  }

  /** Returns the values with c added to each. */
  static double[] plus(double[] values, double c) {
    return Arrays.stream(values).map(v -> v + c).toArray();
  }

  /** Returns 400 step losses: a falling trend 1/(1 + i/50) plus Gaussian noise of sd {@code sd}. */
  static double[] noisyFallingLoss(double sd, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[] loss = new double[400];
    for (int i = 0; i < loss.length; i++) {
      loss[i] = 1 / (1 + i / 50.0) + sd * random.nextGaussian();
    }
    return loss;
  }
}
