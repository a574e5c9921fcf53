package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
      for (int step = 1; step <= 3; step++) {
        w.subi(grad.mul(0.1));
        try (NDManager scope = m.newSubManager()) {
          average.update(scope);
        }
      }

      // Weights 0.9, 0.8, 0.7 and 2.2, 2.4, 2.6; decay 0.5 weighs them 0.125, 0.25, 0.5, and
      // the correction divides by 1 - 0.5^3 = 0.875: (0.1125 + 0.2 + 0.35) / 0.875 = 0.757143,
      // (0.275 + 0.6 + 1.3) / 0.875 = 2.485714. The initial weights 1 and 2 get no share.
      float[] got = average.shadow(0);
      assertThat((double) got[0]).isCloseTo(0.6625 / 0.875, within(1e-6));
      assertThat((double) got[1]).isCloseTo(2.175 / 0.875, within(1e-6));
    }
  }

  @Test
  void theFirstStepsAverageIsThatStepsWeightsWhateverTheDecay() {
    Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1f, 2f}, new Shape(2));
      WeightAverage average = new WeightAverage(0.999, List.of(w), m);
      w.subi(1f);
      try (NDManager scope = m.newSubManager()) {
        average.update(scope);
      }

      assertThat(average.shadow(0)).containsExactly(0f, 1f);
      assertThat(WeightAverage.rate(0.999, 1)).isCloseTo(1, within(1e-12));
      assertThat(WeightAverage.rate(0.999, 100_000)).isCloseTo(0.001, within(1e-12));
    }
  }

  @Test
  void swapPutsTheAverageInThePlaceOfTheWeightsAndBackAgain() {
    Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {0f, 3f}, new Shape(2));
      WeightAverage average = new WeightAverage(0.5, List.of(w), m);
      try (NDManager scope = m.newSubManager()) {
        average.update(scope); // average (0, 3)
      }
      w.set(new NDIndex("..."), m.create(new float[] {3f, 0f}, new Shape(2)));
      try (NDManager scope = m.newSubManager()) {
        average.update(scope); // rate 0.5 / 0.75 = 2/3: (0, 3) + 2/3 (3, -3) = (2, 1)
      }

      try (NDManager scope = m.newSubManager()) {
        average.swap(scope);
      }
      assertThat(w.toFloatArray()).usingComparatorWithPrecision(1e-6f).containsExactly(2f, 1f);
      assertThat(average.shadow(0)).containsExactly(3f, 0f);

      try (NDManager scope = m.newSubManager()) {
        average.swap(scope);
      }
      assertThat(w.toFloatArray()).containsExactly(3f, 0f);
      assertThat(average.shadow(0)).usingComparatorWithPrecision(1e-6f).containsExactly(2f, 1f);
    }
  }
}
