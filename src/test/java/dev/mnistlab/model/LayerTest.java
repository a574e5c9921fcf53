package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class LayerTest {

  @Test
  void writesCanonicalTextLeavingOutDefaults() {
    assertThat(new Layer.Linear(64).canonical()).isEqualTo("linear(64)");
    assertThat(new Layer.LeakyRelu(0.01).canonical()).isEqualTo("leaky_relu");
    assertThat(new Layer.LeakyRelu(0.2).canonical()).isEqualTo("leaky_relu(0.2)");
    assertThat(new Layer.Dropout(0.5).canonical()).isEqualTo("dropout(0.5)");
    assertThat(new Layer.Dropout(0.0001).canonical()).isEqualTo("dropout(0.0001)");
    assertThat(new Layer.Dropout(0).canonical()).isEqualTo("dropout(0)");
    assertThat(new Layer.Conv2d(32, 3).canonical()).isEqualTo("conv2d(32,3)");
    assertThat(new Layer.Conv2d(32, 3, 2, 0).canonical()).isEqualTo("conv2d(32,3,2)");
    assertThat(new Layer.Conv2d(32, 3, 1, 1).canonical()).isEqualTo("conv2d(32,3,1,1)");
    assertThat(new Layer.MaxPool(2).canonical()).isEqualTo("maxpool(2)");
    assertThat(new Layer.AvgPool(2).canonical()).isEqualTo("avgpool(2)");
    assertThat(new Layer.BatchNorm().canonical()).isEqualTo("batchnorm");
    assertThat(new Layer.GlobalAvgPool().canonical()).isEqualTo("gap");
  }

  @Test
  void rejectsUnitsBelowOne() {
    assertThatThrownBy(() -> new Layer.Linear(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("linear units must be >= 1, got 0");
  }

  @Test
  void rejectsDropoutOutsideZeroToOne() {
    assertThatThrownBy(() -> new Layer.Dropout(1.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("dropout p must be in [0, 1), got 1.5");
    assertThatThrownBy(() -> new Layer.Dropout(1)).hasMessage("dropout p must be in [0, 1), got 1");
    assertThatThrownBy(() -> new Layer.Dropout(-0.1))
        .hasMessage("dropout p must be in [0, 1), got -0.1");
    assertThatThrownBy(() -> new Layer.Dropout(Double.NaN))
        .hasMessage("dropout p must be in [0, 1), got NaN");
  }

  @Test
  void rejectsKernelsBelowOne() {
    assertThatThrownBy(() -> new Layer.Conv2d(8, 0))
        .hasMessage("conv2d kernel must be >= 1, got 0");
    assertThatThrownBy(() -> new Layer.MaxPool(0)).hasMessage("maxpool kernel must be >= 1, got 0");
    assertThatThrownBy(() -> new Layer.AvgPool(-1))
        .hasMessage("avgpool kernel must be >= 1, got -1");
  }

  @Test
  void rejectsBadConvolutionSettings() {
    assertThatThrownBy(() -> new Layer.Conv2d(0, 3))
        .hasMessage("conv2d out channels must be >= 1, got 0");
    assertThatThrownBy(() -> new Layer.Conv2d(8, 3, 0, 0))
        .hasMessage("conv2d stride must be >= 1, got 0");
    assertThatThrownBy(() -> new Layer.Conv2d(8, 3, 1, -1))
        .hasMessage("conv2d padding must be >= 0, got -1");
  }

  @Test
  void rejectsNegativeLeakySlope() {
    assertThatThrownBy(() -> new Layer.LeakyRelu(-0.5))
        .hasMessage("leaky_relu slope must be finite and >= 0, got -0.5");
  }
}
