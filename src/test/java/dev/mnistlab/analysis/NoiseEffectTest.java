package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseEffectTest {

  private static FactorLevel level(String label, double value, TrainConfig config, double sd) {
    return new FactorLevel(
        label,
        value,
        new TrialRuns(
            label,
            config,
            List.of(
                Fixtures.withSteps(config, Fixtures.noisyFallingLoss(sd, 1)),
                Fixtures.withSteps(config, Fixtures.noisyFallingLoss(sd, 2))),
            null,
            null));
  }

  private static TrainConfig optimizer(OptimizerKind kind) {
    TrainConfig c = Fixtures.CONFIG;
    return new TrainConfig(
        c.model(),
        c.epochs(),
        c.batchSize(),
        c.lr(),
        kind,
        c.momentum(),
        c.weightDecay(),
        c.beta1(),
        c.beta2(),
        c.schedule(),
        c.warmupEpochs(),
        c.seed(),
        c.threads(),
        c.earlyStop(),
        c.trainLimit(),
        c.valSize(),
        c.valSplit(),
        c.normalize(),
        c.init(),
        c.logEvery());
  }

  @Test
  void fitsTheNoiseAgainstTheBatchSizeNearMinusOneHalf() {
    List<FactorLevel> levels =
        List.of(16, 64, 256).stream()
            .map(
                b ->
                    level(
                        String.valueOf(b),
                        b,
                        Fixtures.CONFIG.withRun(20, b, 1e-3),
                        0.2 / Math.sqrt(b)))
            .toList();

    NoiseEffect noise = NoiseEffect.of(FactorEffect.of("batch_size", levels, true));

    assertThat(noise.byBatchSize()).isTrue();
    assertThat(noise.byOptimizer()).isFalse();
    assertThat(noise.labels()).containsExactly("16", "64", "256");
    assertThat(noise.noise().get(0).noise()).isCloseTo(0.05, within(0.008));
    assertThat(noise.batchExponent()).isCloseTo(-0.5, within(0.1));
    List<String> findings = noise.findings();
    assertThat(findings.get(0)).startsWith("batch_size 16: step loss scatters with sd 0.0");
    assertThat(findings.get(3))
        .startsWith(
            "From batch size 16 to 256 (16x the batch), the " + "step-loss sd goes from 0.0")
        .contains("smaller); the fit over all values gives sd " + "~ batch^-0.")
        .endsWith(", against batch^-0.50 for averaging independent examples.");
  }

  @Test
  void namesTheNoisiestAndQuietestOptimizerRelativeToItsLoss() {
    NoiseEffect noise =
        NoiseEffect.of(
            FactorEffect.of(
                "optimizer",
                List.of(
                    level("adam", Double.NaN, optimizer(OptimizerKind.ADAM), 0.005),
                    level("sgd", Double.NaN, optimizer(OptimizerKind.SGD), 0.05)),
                false));

    assertThat(noise.byOptimizer()).isTrue();
    assertThat(noise.batchExponent()).isNaN();
    assertThat(noise.findings())
        .last()
        .asString()
        .startsWith("Relative to its loss, the noisiest optimizer is sgd (")
        .contains("), the quietest adam (");
  }

  @Test
  void saysWhenTooFewStepLossesWereSampled() {
    NoiseEffect noise =
        NoiseEffect.of(
            FactorEffect.of(
                "lr", List.of(Fixtures.level("0.001", 1e-3, Fixtures.flats(0.97))), true));

    assertThat(noise.findings())
        .containsExactly(
            "lr 0.001: too few sampled step losses in the "
                + "second half of its runs to measure noise.");
  }
}
