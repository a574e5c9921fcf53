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
}
