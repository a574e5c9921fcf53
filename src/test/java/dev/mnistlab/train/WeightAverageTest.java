package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightAverageTest {
  @Test
  void followsTheHandComputedAverageOfThreeSgdSteps() {
    Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      // A one-layer network's two weights; the gradient is always (1, -2), the rate 0.1.
      NDArray w = m.create(new float[] {1f, 2f}, new Shape(2));
      NDArray grad = m.create(new float[] {1f, -2f}, new Shape(2));
      WeightAverage average = new WeightAverage(0.5, List.of(w), m);
      double[] live = {1, 2};
      double[] shadow = {1, 2};
      for (int step = 1; step <= 3; step++) {
        w.subi(grad.mul(0.1));
        live[0] -= 0.1;
        live[1] += 0.2;
        shadow[0] = 0.5 * shadow[0] + 0.5 * live[0];
        shadow[1] = 0.5 * shadow[1] + 0.5 * live[1];
        try (NDManager scope = m.newSubManager()) {
          average.update(scope);
        }
      }

      // Weights 0.9, 0.8, 0.7: shadow 0.95, 0.875, 0.7875; and 2.2, 2.4, 2.6: 2.1, 2.25, 2.425.
      assertThat(shadow[0]).isCloseTo(0.7875, within(1e-12));
      assertThat(shadow[1]).isCloseTo(2.425, within(1e-12));
      float[] got = average.shadow(0);
      assertThat((double) got[0]).isCloseTo(shadow[0], within(1e-6));
      assertThat((double) got[1]).isCloseTo(shadow[1], within(1e-6));
    }
  }

  @Test
  void swapPutsTheAverageInThePlaceOfTheWeightsAndBackAgain() {
    Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1f, 2f}, new Shape(2));
      WeightAverage average = new WeightAverage(0.5, List.of(w), m);
      w.subi(1f);
      try (NDManager scope = m.newSubManager()) {
        average.update(scope);
      }

      try (NDManager scope = m.newSubManager()) {
        average.swap(scope);
      }
      assertThat(w.toFloatArray()).containsExactly(0.5f, 1.5f);
      assertThat(average.shadow(0)).containsExactly(0f, 1f);

      try (NDManager scope = m.newSubManager()) {
        average.swap(scope);
      }
      assertThat(w.toFloatArray()).containsExactly(0f, 1f);
      assertThat(average.shadow(0)).containsExactly(0.5f, 1.5f);
    }
  }
}
