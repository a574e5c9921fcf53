package dev.mnistlab.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.train.TrainConfig;
import org.junit.jupiter.api.Test;

class TrainArgsTest {
  private static final TrainConfig D = TrainConfig.defaults();

  @Test
  void leavesOutLabelSmoothingAndEmaWhenOff() {
    assertThat(TrainArgs.forUser(D)).doesNotContain("--label-smoothing", "--ema");
  }

  @Test
  void givesLabelSmoothingWhenSet() {
    assertThat(String.join(" ", TrainArgs.forUser(D.withLabelSmoothing(0.1))))
        .endsWith("--label-smoothing 0.1");
  }

  @Test
  void givesEmaWhenSet() {
    assertThat(String.join(" ", TrainArgs.forUser(D.withLabelSmoothing(0.1).withEma(0.999))))
        .endsWith("--label-smoothing 0.1 --ema 0.999");
  }
}
