package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossFloorTest {
  private static final TrainConfig SIGMOID =
      Fixtures.CONFIG.withModel("linear(64),relu,linear(10),sigmoid");

  private static TrialRuns trial(TrainConfig config, double[] trainLoss) {
    int n = trainLoss.length;
    return new TrialRuns(
        "t",
        config,
        List.of(
            Fixtures.run(
                config,
                RunState.COMPLETE,
                0.95,
                trainLoss,
                fill(n, 1.5),
                fill(n, 0.95),
                List.of())),
        null,
        null);
  }

  @Test
  void sigmoidLossesHoveringAt147SitJustAboveTheFloor() {
    LossFloor f = LossFloor.of(trial(SIGMOID, new double[] {1.60, 1.50, 1.48, 1.47, 1.471}));
    assertThat(f.hasFloor()).isTrue();
    assertThat(f.floor()).isCloseTo(Math.log(1 + 9 / Math.E), within(1e-12));
    assertThat(f.floor()).isCloseTo(1.4612, within(1e-4));
    assertThat(f.lowestTrainLoss()).isEqualTo(1.47);
    assertThat(f.lowestEpoch()).isEqualTo(4);
    assertThat(f.gap()).isCloseTo(0.009, within(5e-4));
    assertThat(f.staysAboveFloor()).isTrue();
  }

  @Test
  void lossBelowTheFloorIsFlagged() {
    LossFloor f = LossFloor.of(trial(SIGMOID, new double[] {1.5, 1.40}));
    assertThat(f.staysAboveFloor()).isFalse();
    assertThat(f.gap()).isNegative();
  }

  @Test
  void modelWithoutSquashingLastLayerHasNoFloor() {
    LossFloor f = LossFloor.of(trial(Fixtures.CONFIG, new double[] {0.3, 0.026}));
    assertThat(f.hasFloor()).isFalse();
    assertThat(f.floor()).isNaN();
    assertThat(f.gap()).isNaN();
    assertThat(f.lowestTrainLoss()).isEqualTo(0.026);
    assertThat(f.staysAboveFloor()).isTrue();
  }
}
