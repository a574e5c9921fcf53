package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.fill;
import static dev.mnistlab.analysis.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.TrainResult;
import org.junit.jupiter.api.Test;

class EpochEffectTest {

  /** Returns a seed-dependent wiggle of -0.002, 0 or +0.002 that averages 0 over 3 seeds. */
  private static double wiggle(int seed, int epoch, double size) {
    return size * (((seed + epoch) % 3) - 1);
  }

  /**
   * Returns seed r's run over 20 epochs: accuracy climbs to 0.98 at epoch 6, then creeps up 0.0001
   * an epoch under seed noise; validation loss is lowest at epoch 4 and rises by 0.03.
   */
  private static TrainResult plateau(int seed) {
    double[] accuracy = new double[20];
    double[] valLoss = new double[20];
    for (int e = 1; e <= 20; e++) {
      accuracy[e - 1] =
          e < 6 ? 0.98 - 0.016 * (6 - e) : 0.98 + 0.0001 * (e - 6) + wiggle(seed, e, 0.002);
      valLoss[e - 1] =
          (e <= 4 ? 0.07 + 0.02 * (4 - e) : 0.07 + 0.03 * (e - 4) / 16.0) + 0.001 * (seed - 1);
    }
    return Fixtures.run(0.98, line(20, 0.5, 0.01), valLoss, accuracy);
  }

  @Test
  void findsTheFirstEpochWithinNoiseOfTheBestAndWhatLaterEpochsAdd() {
    EpochEffect effect =
        EpochEffect.of(
            Fixtures.trial("base", plateau(0), plateau(1), plateau(2), Fixtures.diverged(100, 3)));

    assertThat(effect.runs()).isEqualTo(3);
    assertThat(effect.epochs()).isEqualTo(20);
    assertThat(effect.bestAccuracyEpoch()).isEqualTo(20);
    assertThat(effect.enoughEpoch()).isEqualTo(6);
    assertThat(effect.withinNoiseOfBest(5)).isFalse();
    assertThat(effect.withinNoiseOfBest(6)).isTrue();
    assertThat(effect.gapToBest().get(19).mean()).isZero();
    assertThat(effect.laterGain().mean()).isCloseTo(0.0014, within(1e-12));
    assertThat(effect.findings())
        .containsExactly(
            "Validation accuracy reaches 0.9800 at epoch 6, within seed noise of its best (0.9814 "
                + "at epoch 20); epochs 7-20 add +0.0014 [-0.0072, +0.0100], within seed noise.",
            "Validation loss is lowest at epoch 4 (0.0700) and rises by 0.0300 by epoch 20, beyond "
                + "seed noise (0.0025): overfitting from about epoch 4.",
            "An epoch takes 1.0 s on average, so stopping at epoch 6 instead of 20 saves 14 s per "
                + "run.");
  }

  @Test
  void saysMoreEpochsMayHelpWhenAccuracyStillRisesBeyondNoise() {
    TrainResult[] runs = new TrainResult[3];
    for (int r = 0; r < 3; r++) {
      double[] accuracy = new double[10];
      for (int e = 1; e <= 10; e++) {
        accuracy[e - 1] = 0.90 + 0.008 * e + wiggle(r, e, 0.001);
      }
      runs[r] = Fixtures.run(0.98, line(10, 0.5, 0.1), line(10, 0.4, 0.1), accuracy);
    }

    EpochEffect effect = EpochEffect.of(Fixtures.trial("base", runs));

    assertThat(effect.enoughEpoch()).isEqualTo(10);
    assertThat(effect.laterGain().mean()).isZero();
    assertThat(effect.findings())
        .containsExactly(
            "Validation accuracy is still rising at the last epoch, 10 (0.9800): every earlier "
                + "epoch is below it beyond seed noise, so more epochs may help.",
            "Validation loss is lowest at the last epoch, 10 (0.1000): still falling.");
  }

  @Test
  void saysNoiseCannotBeMeasuredWithOneRun() {
    EpochEffect effect =
        EpochEffect.of(
            Fixtures.trial(
                "base",
                Fixtures.run(0.95, line(5, 0.5, 0.1), line(5, 0.4, 0.1), line(5, 0.90, 0.95))));

    assertThat(effect.enoughEpoch()).isZero();
    assertThat(effect.laterGain().n()).isZero();
    assertThat(effect.findings())
        .containsExactly(
            "One run: noise cannot be measured, so no epoch can be called within seed noise of the "
                + "best.",
            "Validation accuracy is highest at epoch 5 (0.9500), the last epoch.",
            "Validation loss is lowest at the last epoch, 5 (0.1000): still falling.");
  }

  @Test
  void saysWhenValidationLossEndsWithinTheSingleRunTolerance() {
    double[] valLoss = {0.5, 0.3, 0.2, 0.205};
    EpochEffect effect =
        EpochEffect.of(
            Fixtures.trial(
                "base",
                Fixtures.run(0.95, fill(4, 0.1), valLoss, new double[] {0.9, 0.95, 0.96, 0.955})));

    assertThat(effect.findings())
        .containsExactly(
            "One run: noise cannot be measured, so no epoch can be called within seed noise of the "
                + "best.",
            "Validation accuracy is highest at epoch 3 (0.9600); the last epoch, 4, has 0.9550.",
            "Validation loss is lowest at epoch 3 (0.2000) and ends +0.0050 above it at epoch 4, "
                + "within 5% of its minimum (one run: seed noise unknown).");
  }

  @Test
  void saysNothingCanBeReadWithoutValidation() {
    EpochEffect effect =
        EpochEffect.of(
            Fixtures.trial(
                "base",
                Fixtures.run(0.95, fill(3, 0.1), fill(3, Double.NaN), fill(3, Double.NaN))));

    assertThat(effect.bestAccuracyEpoch()).isZero();
    assertThat(effect.findings())
        .containsExactly(
            "No validation accuracy: the effect of the "
                + "epoch count cannot be read from these curves.");
  }

  @Test
  void doesNotCallAnExactlyRepeatedDifferenceBeyondNoise() {
    // Both runs gain exactly 0.0004 (two images of 5000) from epoch 2 to 3: no spread.
    EpochEffect effect =
        EpochEffect.of(
            Fixtures.trial(
                "base",
                Fixtures.run(
                    0.98, fill(3, 0.1), line(3, 0.3, 0.1), new double[] {0.9, 0.9796, 0.98}),
                Fixtures.run(
                    0.98, fill(3, 0.1), line(3, 0.3, 0.1), new double[] {0.901, 0.9798, 0.9802})));

    assertThat(effect.bestAccuracyEpoch()).isEqualTo(3);
    assertThat(effect.noiseMeasured(2)).isFalse();
    assertThat(effect.withinNoiseOfBest(2)).isFalse();
    assertThat(effect.noiseMeasured(3)).isTrue();
    assertThat(effect.enoughEpoch()).isEqualTo(3);
  }
}
