package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
  private static final String MLP = "linear(64),relu,linear(10)";

  @Test
  void countsWeightsGradientsOptimizerStateAndActivationsByHand() {
    MemoryEstimate estimate = ModelSpec.parse(MLP).memory(32, "momentum", 1);

    // 784*64+64 + 64*10+10 parameters; 784 in, 64 out of linear, 64 of relu, 10 logits.
    long parameters = 50_240 + 650;
    long activations = 784 + 64 + 64 + 10;
    assertThat(estimate.parameters()).isEqualTo(parameters);
    assertThat(estimate.activations()).isEqualTo(activations);
    // 4 bytes * (weights + gradients + 1 momentum buffer, + forward and backward per example)
    assertThat(estimate.bytes())
        .isEqualTo(4.0 * (parameters * 3 + 2 * 32 * activations))
        .isEqualTo(846_712.0);
  }

  @Test
  void keepsTwoMoreCopiesForAdamAndNoneForPlainSgd() {
    ModelSpec spec = ModelSpec.parse(MLP);

    assertThat(spec.memory(32, "adam", 2).bytes()).isEqualTo(1_050_272.0);
    assertThat(spec.memory(32, "sgd", 0).bytes()).isEqualTo(643_152.0);
  }

  @Test
  void countsConvolutionOutputsAsActivations() {
    MemoryEstimate estimate =
        ModelSpec.parse("conv2d(8,3),relu,maxpool(2),flatten,linear(10)").memory(1, "sgd", 0);

    // 1x28x28 in, 8x26x26 twice, 8x13x13 twice, 10 out.
    assertThat(estimate.activations()).isEqualTo(784 + 2 * 5408 + 2 * 1352 + 10);
  }

  @Test
  void countsOneValuePerChannelAfterGlobalAveragePooling() {
    MemoryEstimate estimate =
        ModelSpec.parse("conv2d(8,3),relu,gap,linear(10)").memory(1, "sgd", 0);

    // 1x28x28 in, 8x26x26 twice, 8 channel means, 10 out.
    assertThat(estimate.activations()).isEqualTo(784 + 2 * 5408 + 8 + 10);
  }

  @Test
  void describesTheEstimateWithParametersBatchAndOptimizer() {
    assertThat(ModelSpec.parse(MLP).memory(32, "momentum", 1).text())
        .isEqualTo("about 826.9 KiB (50,890 parameters at batch 32 with momentum)");
  }

  @Test
  void writesSizesInBinaryUnits() {
    assertThat(MemoryEstimate.size(512)).isEqualTo("512 B");
    assertThat(MemoryEstimate.size(1536)).isEqualTo("1.5 KiB");
    assertThat(MemoryEstimate.size(23.4 * (1L << 30))).isEqualTo("23.4 GiB");
    assertThat(MemoryEstimate.size(13.0 * (1L << 40))).isEqualTo("13.0 TiB");
  }

  @Test
  void refusesMoreThanTheMachineHasGivingBothNumbers() {
    MemoryEstimate estimate = ModelSpec.parse("linear(1e9),relu,linear(10)").memory(100, "adam", 2);

    assertThatThrownBy(() -> estimate.requireFits(24L << 30))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "network needs about 13.0 TiB (795,000,000,010 parameters at batch 100 "
                + "with adam), more than this machine's 24.0 GiB of memory");
  }

  @Test
  void acceptsAnEstimateExactlyAtTheLimit() {
    MemoryEstimate estimate = ModelSpec.parse(MLP).memory(32, "momentum", 1);

    assertThatCode(() -> estimate.requireFits(846_712)).doesNotThrowAnyException();
    assertThat(estimate.fits(846_711)).isFalse();
  }
}
