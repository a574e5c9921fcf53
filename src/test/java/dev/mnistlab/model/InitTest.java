package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InitTest {
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private Block initialised(String spec, Init init, long seed) {
    Block block = ModelSpec.parse(spec).build();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 784));
    init.apply(block, seed);
    return block;
  }

  private static List<float[]> values(Block block) {
    List<float[]> values = new ArrayList<>();
    for (Pair<String, Parameter> pair : block.getParameters()) {
      values.add(pair.getValue().getArray().toFloatArray());
    }
    return values;
  }

  private static float maxAbs(float[] values) {
    float max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  private static double std(float[] values) {
    double sum = 0;
    double squares = 0;
    for (float v : values) {
      sum += v;
      squares += (double) v * v;
    }
    double mean = sum / values.length;
    return Math.sqrt(squares / values.length - mean * mean);
  }

  @Test
  void parsesNamesIgnoringCase() {
    assertThat(Init.parse("Xavier")).isEqualTo(Init.XAVIER);
    assertThat(Init.parse("pytorch")).isEqualTo(Init.PYTORCH);
    assertThat(Init.KAIMING.id()).isEqualTo("kaiming");
  }

  @Test
  void rejectsUnknownNamesListingTheAllowedOnes() {
    assertThatThrownBy(() -> Init.parse("he"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("init must be one of pytorch, xavier, kaiming, normal, got \"he\"");
  }

  @Test
  void keepsPyTorchDefaultsWithinOneOverRootFanIn() {
    List<float[]> v = values(initialised("linear(64),relu,linear(10)", Init.PYTORCH, 1));
    // fan_in is 784 for the first layer's weight and bias, 64 for the second's.
    float[] bounds = {1 / 28f, 1 / 28f, 1 / 8f, 1 / 8f};
    for (int i = 0; i < bounds.length; i++) {
      assertThat(maxAbs(v.get(i))).isLessThanOrEqualTo(bounds[i]);
    }
    // Thousands of uniform draws come close to the bound, so the range is not too narrow.
    assertThat(maxAbs(v.get(0))).isGreaterThan(0.99f / 28);
    assertThat(maxAbs(v.get(2))).isGreaterThan(0.95f / 8);
  }

  @Test
  void usesInChannelsTimesKernelAreaAsConvolutionFanIn() {
    List<float[]> v = values(initialised("conv2d(8,3),flatten,linear(10)", Init.PYTORCH, 1));
    assertThat(v.get(0)).hasSize(8 * 9);
    assertThat(maxAbs(v.get(0))).isLessThanOrEqualTo(1 / 3f).isGreaterThan(0.25f);
    assertThat(maxAbs(v.get(1))).isLessThanOrEqualTo(1 / 3f);
  }

  @Test
  void givesTheSameWeightsForTheSameSeed() {
    String spec = "conv2d(4,3),batchnorm,relu,flatten,linear(10)";
    List<float[]> first = values(initialised(spec, Init.PYTORCH, 42));
    List<float[]> second = values(initialised(spec, Init.PYTORCH, 42));
    assertThat(first).hasSameSizeAs(second);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).containsExactly(first.get(i));
    }
  }

  @Test
  void givesDifferentWeightsForADifferentSeed() {
    float[] first = values(initialised("linear(64),relu,linear(10)", Init.KAIMING, 1)).get(0);
    float[] second = values(initialised("linear(64),relu,linear(10)", Init.KAIMING, 2)).get(0);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void setsBatchnormToIdentity() {
    List<float[]> v = values(initialised("linear(16),batchnorm,relu,linear(10)", Init.NORMAL, 3));
    // linear weight, bias, then gamma, beta, running mean, running variance.
    assertThat(v.get(2)).containsOnly(1f);
    assertThat(v.get(3)).containsOnly(0f);
  }

  @Test
  void drawsXavierWithinTheGlorotBoundAndZeroBiases() {
    List<float[]> v = values(initialised("linear(64),relu,linear(10)", Init.XAVIER, 5));
    assertThat(maxAbs(v.get(0))).isLessThanOrEqualTo((float) Math.sqrt(6.0 / (784 + 64)));
    assertThat(v.get(1)).containsOnly(0f);
  }

  @Test
  void drawsKaimingAndNormalWithTheirStandardDeviations() {
    float[] kaiming = values(initialised("linear(64),relu,linear(10)", Init.KAIMING, 5)).get(0);
    assertThat(std(kaiming)).isCloseTo(Math.sqrt(2.0 / 784), within(0.002));
    float[] normal = values(initialised("linear(64),relu,linear(10)", Init.NORMAL, 5)).get(0);
    assertThat(std(normal)).isCloseTo(0.01, within(0.0005));
  }

  @Test
  void refusesABlockThatIsNotInitialisedYet() {
    Block block = ModelSpec.parse("linear(10)").build();
    assertThatThrownBy(() -> Init.PYTORCH.apply(block, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("initialise the block before Init.apply");
  }
}
