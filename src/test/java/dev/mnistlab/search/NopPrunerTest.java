package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NopPrunerTest {
  @Test
  void neverPrunesEvenTheWorstTrial() {
    List<Curve> others = List.of(new Curve(0, List.of(0.9, 0.95)), new Curve(1, List.of(0.9)));
    NopPruner pruner = new NopPruner();

    assertThat(pruner.prune(2, List.of(0.1), others)).isFalse();
    assertThat(pruner.prune(2, List.of(0.1, Double.NaN), others)).isFalse();
    assertThat(pruner.prune(2, List.of(), List.of())).isFalse();
  }

  @Test
  void describesItselfAsNone() {
    assertThat(new NopPruner()).hasToString("none");
  }
}
