package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LossesTest {
  @Test
  void crossEntropyTreatsOutputsAsLogits() {
    Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      float[] logits = {2f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 1f};
      double expected = Math.log(Math.exp(2) + 8 + Math.E) - 1;
      double loss =
          Losses.crossEntropy(m.create(logits, new Shape(1, 10)), m.create(new long[] {9}))
              .getFloat();

      assertThat(loss).isCloseTo(expected, within(1e-6));
    }
  }

  @Test
  void perfectSigmoidOutputsStillCostTheFloor() {
    Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      // A sigmoid's best case: 1 for the true class, 0 for the nine others.
      float[] outputs = {0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f};
      double loss =
          Losses.crossEntropy(m.create(outputs, new Shape(1, 10)), m.create(new long[] {3}))
              .getFloat();

      assertThat(loss).isCloseTo(Math.log(1 + 9 / Math.E), within(1e-6));
      assertThat(loss).isCloseTo(1.4612, within(1e-4));
    }
  }

  private static final float[] TWO_BY_TEN = {
    2f, -1f, 0.5f, 0f, 3f, -2f, 1f, 0.25f, -0.5f, 1.5f,
    -1f, 0f, 4f, 0.5f, -3f, 2f, 0f, 1f, -1.5f, 0.75f
  };
  private static final long[] LABELS = {4, 7};

  @Test
  void labelSmoothingMatchesTheHandComputedMixOfTrueClassAndMeanOverClasses() {
    Engine.getEngine("PyTorch");
    double eps = 0.1;
    double expected = 0;
    for (int row = 0; row < 2; row++) {
      double sumExp = 0;
      for (int k = 0; k < 10; k++) {
        sumExp += Math.exp(TWO_BY_TEN[row * 10 + k]);
      }
      double logSumExp = Math.log(sumExp);
      double meanNegLogP = 0;
      for (int k = 0; k < 10; k++) {
        meanNegLogP += (logSumExp - TWO_BY_TEN[row * 10 + k]) / 10;
      }
      double negLogPTrue = logSumExp - TWO_BY_TEN[row * 10 + (int) LABELS[row]];
      expected += ((1 - eps) * negLogPTrue + eps * meanNegLogP) / 2;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      double loss =
          Losses.crossEntropy(m.create(TWO_BY_TEN, new Shape(2, 10)), m.create(LABELS), eps)
              .getFloat();

      assertThat(loss).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void labelSmoothingZeroIsExactlyThePlainLoss() {
    Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      float plain =
          Losses.crossEntropy(m.create(TWO_BY_TEN, new Shape(2, 10)), m.create(LABELS)).getFloat();
      float smoothed =
          Losses.crossEntropy(m.create(TWO_BY_TEN, new Shape(2, 10)), m.create(LABELS), 0)
              .getFloat();

      assertThat(smoothed).isEqualTo(plain);
    }
  }
}
