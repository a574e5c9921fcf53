package dev.mnistlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class SweepFactorTest {
  @Test
  void parsesNumbersOnALogScaleWhenTheySpanADecade() {
    SweepFactor lr = SweepFactor.parse("lr=1e-4,1e-3,1e-2");

    assertThat(lr.name()).isEqualTo("lr");
    assertThat(lr.values()).containsExactly("1e-4", "1e-3", "1e-2");
    assertThat(lr.scale()).isEqualTo(SweepFactor.Scale.LOG);
    assertThat(lr.numeric("1e-3")).isEqualTo(1e-3);
    assertThat(SweepFactor.parse("momentum=0.5,0.9").scale()).isEqualTo(SweepFactor.Scale.LINEAR);
    assertThat(SweepFactor.parse("optimizer=sgd,adam").scale())
        .isEqualTo(SweepFactor.Scale.CATEGORICAL);
  }

  @Test
  void splitsLayerSpecsOnSemicolons() {
    SweepFactor layers = SweepFactor.parse("layers=linear(32),relu,linear(10);linear(10)");

    assertThat(layers.values()).containsExactly("linear(32),relu,linear(10)", "linear(10)");
    assertThat(layers.scale()).isEqualTo(SweepFactor.Scale.CATEGORICAL);
    assertThat(layers.numeric("linear(10)")).isNaN();
  }

  @Test
  void splitsAugmentSpecsOnSemicolons() {
    SweepFactor augment = SweepFactor.parse("augment=none;rotate=12,shift=2");

    assertThat(augment.values()).containsExactly("none", "rotate=12,shift=2");
    assertThat(augment.scale()).isEqualTo(SweepFactor.Scale.CATEGORICAL);
  }

  @Test
  void rejectsMalformedFactorsWithOneClearMessage() {
    assertThatThrownBy(() -> SweepFactor.parse("lr"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--factor must be NAME=V1,V2,..., got 'lr'");
    assertThatThrownBy(() -> SweepFactor.parse("speed=1,2"))
        .hasMessageStartingWith(
            "unknown factor 'speed': allowed are activation, augment, batch_size");
    assertThatThrownBy(() -> SweepFactor.parse("lr=0.1,0.1"))
        .hasMessage("factor lr lists a value twice: [0.1, 0.1]");
  }
}
