package dev.mnistlab.sweep;

import dev.mnistlab.analysis.EpochEffect;
import dev.mnistlab.analysis.FactorEffect;
import dev.mnistlab.analysis.FactorLevel;
import dev.mnistlab.analysis.GridCell;
import dev.mnistlab.analysis.GridEffect;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Builds a hand-made sweep around the default config for the narrative tests: five learning rates
 * (the largest diverging), three batch sizes with step-loss noise falling like 1/sqrt(batch), two
 * optimizers, and a 2 x 2 grid of lr by batch size.
 */
final class SweepFixtures {
  static final TrainConfig BASE = TrainConfig.defaults();

  private SweepFixtures() {}

  /**
   * Returns a complete run over {@code epochs}: validation accuracy rises to {@code top} within 5
   * epochs, plus a seed wiggle; validation loss falls, then rises by {@code rise} in total; 400
   * sampled step losses scatter with sd {@code stepNoise}.
   */
  static TrainResult run(
      TrainConfig config, int seed, int epochs, double top, double rise, double stepNoise) {
    return run(config, seed, epochs, top, rise, stepNoise, 0);
  }

  /** Returns {@link #run} whose accuracy also creeps up by {@code creep} an epoch after 5. */
  static TrainResult run(
      TrainConfig config,
      int seed,
      int epochs,
      double top,
      double rise,
      double stepNoise,
      double creep) {
    List<EpochMetrics> metrics = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      double accuracy =
          top
              - 0.05 * Math.max(0, 5 - e)
              + creep * Math.max(0, e - 5)
              + 0.001 * (((seed + e) % 3) - 1);
      double valLoss =
          0.08 + 0.05 * Math.max(0, 5 - e) + rise * Math.max(0, e - 5) / epochs + 0.002 * seed;
      metrics.add(
          new EpochMetrics(e, 0.3 / e, 0.3 / e, valLoss, accuracy, config.lr(), 2.0, 1000.0));
    }
    Random random = new Random(seed);
    List<StepLoss> steps = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      steps.add(
          new StepLoss(
              i + 1,
              1 + i * epochs / 400,
              0.5 / (1 + i / 50.0) + stepNoise * random.nextGaussian()));
    }
    return new TrainResult(
        config.withSeed(seed),
        null,
        metrics,
        steps,
        new Evaluation(0.1, top),
        RunState.COMPLETE,
        "",
        0,
        2.0 * epochs,
        500.0);
  }

  /** Returns a run that diverged at {@code step} in its first epoch. */
  static TrainResult diverged(TrainConfig config, long step) {
    return new TrainResult(
        config,
        null,
        List.of(),
        List.of(),
        Evaluation.NONE,
        RunState.DIVERGED,
        "loss became NaN at step " + step,
        step,
        1.0,
        500.0);
  }

  /** Returns {@code repeats} runs of one value (seeds 0..repeats-1). */
  static TrialRuns trial(
      String name, TrainConfig config, int repeats, double top, double rise, double stepNoise) {
    List<TrainResult> runs = new ArrayList<>();
    for (int seed = 0; seed < repeats; seed++) {
      runs.add(run(config, seed, config.epochs(), top, rise, stepNoise));
    }
    return new TrialRuns(name, config, runs, null, null);
  }

  /** Returns the lr sweep: 1e-5 .. 1e-1 on a log grid, the largest diverging in every seed. */
  static FactorEffect lr(int repeats) {
    double[] lrs = {1e-5, 1e-4, 1e-3, 1e-2};
    double[] tops = {0.90, 0.96, 0.980, 0.979};
    List<FactorLevel> levels = new ArrayList<>();
    for (int i = 0; i < lrs.length; i++) {
      TrainConfig c = BASE.withRun(BASE.epochs(), BASE.batchSize(), lrs[i]);
      String label = String.format(Locale.ROOT, "1e-%d", 5 - i);
      levels.add(
          new FactorLevel(
              label, lrs[i], trial("lr " + label, c, repeats, tops[i], i == 3 ? 0.05 : 0, 0.02)));
    }
    TrainConfig big = BASE.withRun(BASE.epochs(), BASE.batchSize(), 1e-1);
    long[] steps = {38, 40, 45};
    List<TrainResult> blown = new ArrayList<>();
    for (int seed = 0; seed < repeats; seed++) {
      blown.add(diverged(big.withSeed(seed), steps[seed % steps.length]));
    }
    levels.add(new FactorLevel("1e-1", 1e-1, new TrialRuns("lr 1e-1", big, blown, null, null)));
    return FactorEffect.of("lr", levels, true);
  }

  /** Returns the batch-size sweep: 16, 100, 1024, step-loss noise 0.2/sqrt(batch). */
  static FactorEffect batch(int repeats) {
    List<FactorLevel> levels = new ArrayList<>();
    for (int b : new int[] {16, 100, 1024}) {
      TrainConfig c = BASE.withRun(BASE.epochs(), b, BASE.lr());
      levels.add(
          new FactorLevel(
              String.valueOf(b),
              b,
              trial("batch " + b, c, repeats, b == 100 ? 0.98 : 0.975, 0, 0.2 / Math.sqrt(b))));
    }
    return FactorEffect.of("batch_size", levels, true);
  }

  /** Returns the optimizer sweep: adam and sgd, a categorical factor. */
  static FactorEffect optimizer(int repeats) {
    List<FactorLevel> levels = new ArrayList<>();
    for (OptimizerKind kind : new OptimizerKind[] {OptimizerKind.ADAM, OptimizerKind.SGD}) {
      TrainConfig c =
          new TrainConfig(
              BASE.model(),
              BASE.epochs(),
              BASE.batchSize(),
              BASE.lr(),
              kind,
              BASE.momentum(),
              BASE.weightDecay(),
              BASE.beta1(),
              BASE.beta2(),
              BASE.schedule(),
              BASE.warmupEpochs(),
              BASE.seed(),
              BASE.threads(),
              BASE.earlyStop(),
              BASE.trainLimit(),
              BASE.valSize(),
              BASE.valSplit(),
              BASE.normalize(),
              BASE.init(),
              BASE.logEvery());
      levels.add(
          new FactorLevel(
              kind.cliName(),
              Double.NaN,
              trial(
                  kind.cliName(),
                  c,
                  repeats,
                  kind == OptimizerKind.ADAM ? 0.98 : 0.93,
                  0,
                  kind == OptimizerKind.ADAM ? 0.01 : 0.03)));
    }
    return FactorEffect.of("optimizer", levels, false);
  }

  /** Returns the epoch effect of the base config's runs, which creep up after epoch 5. */
  static EpochEffect epochs(int repeats) {
    List<TrainResult> runs = new ArrayList<>();
    for (int seed = 0; seed < repeats; seed++) {
      runs.add(run(BASE, seed, BASE.epochs(), 0.98, 0.05, 0.02, 0.0001));
    }
    return EpochEffect.of(new TrialRuns("base", BASE, runs, null, null));
  }

  /** Returns a 2 x 2 grid of lr by batch size whose best lr grows with the batch. */
  static GridEffect grid(int repeats) {
    List<GridCell> cells = new ArrayList<>();
    for (double lr : new double[] {1e-4, 1e-3}) {
      for (int b : new int[] {16, 256}) {
        TrainConfig c = BASE.withRun(BASE.epochs(), b, lr);
        boolean best = (lr == 1e-4) == (b == 16);
        cells.add(
            new GridCell(
                lr == 1e-4 ? "1e-4" : "1e-3",
                lr,
                String.valueOf(b),
                b,
                trial("cell", c, repeats, best ? 0.98 : 0.95, 0, 0.02)));
      }
    }
    return GridEffect.of("lr", "batch_size", true, cells);
  }
}
