package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniBatchNoiseTest {

  private static TrialRuns trial(TrainConfig config, double sd) {
    return new TrialRuns(
        "t",
        config,
        List.of(
            Fixtures.withSteps(config, Fixtures.noisyFallingLoss(sd, 1)),
            Fixtures.withSteps(config, Fixtures.noisyFallingLoss(sd, 2))),
        null,
        null);
  }

  @Test
  void noisyStepsMeasureLargerThanSmoothOnes() {
    TrainConfig small = Fixtures.CONFIG.withRun(20, 16, 1e-4);
    TrainConfig large = Fixtures.CONFIG.withRun(20, 100, 1e-4);
    MiniBatchNoise noisy = MiniBatchNoise.of(trial(small, 0.05));
    MiniBatchNoise smooth = MiniBatchNoise.of(trial(large, 0.005));
    assertThat(noisy.batchSize()).isEqualTo(16);
    assertThat(smooth.batchSize()).isEqualTo(100);
    assertThat(noisy.optimizer()).isEqualTo(OptimizerKind.ADAM);
    assertThat(noisy.noise()).isGreaterThan(5 * smooth.noise());
    assertThat(noisy.relativeNoise()).isGreaterThan(5 * smooth.relativeNoise());
    // The residual of a 21-sample average keeps sqrt(20/21) of the noise's sd.
    assertThat(noisy.noise()).isCloseTo(0.05 * Math.sqrt(20.0 / 21), within(0.006));
  }

  @Test
  void usesTheSecondHalfAwayFromTheEdges() {
    MiniBatchNoise n = MiniBatchNoise.of(trial(Fixtures.CONFIG, 0.01));
    // steps 200..389 of 400 per run (the last 10 lack a full window), two runs.
    assertThat(n.samples()).isEqualTo(2 * 190);
    assertThat(n.meanLoss()).isCloseTo(1 / (1 + 300 / 50.0), within(0.01));
    assertThat(n.relativeNoise()).isCloseTo(n.noise() / n.meanLoss(), within(0.01));
  }

  @Test
  void tooFewStepsGiveNaN() {
    MiniBatchNoise n =
        MiniBatchNoise.of(
            new TrialRuns(
                "t",
                Fixtures.CONFIG,
                List.of(Fixtures.withSteps(Fixtures.CONFIG, new double[] {1, 2, 3})),
                null,
                null));
    assertThat(n.samples()).isZero();
    assertThat(n.noise()).isNaN();
  }
}
