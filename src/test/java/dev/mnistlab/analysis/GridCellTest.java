package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridCellTest {

  @Test
  void rejectsABlankColumnLabel() {
    assertThatThrownBy(() -> new GridCell("1e-3", 1e-3, "", 16, Fixtures.trial("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grid column label must not be blank, got ''");
  }

  @Test
  void rejectsAnInfiniteValue() {
    assertThatThrownBy(
            () -> new GridCell("1e-3", Double.NEGATIVE_INFINITY, "16", 16, Fixtures.trial("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "grid values must be finite, or NaN for a categorical factor, got "
                + "-Infinity x 16.0");
  }
}
