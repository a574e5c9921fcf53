package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FactorLevelTest {

  @Test
  void isNumericUnlessItsValueIsNaN() {
    assertThat(Fixtures.level("0.001", 1e-3).numeric()).isTrue();
    assertThat(Fixtures.level("adam", Double.NaN).numeric()).isFalse();
  }

  @Test
  void rejectsABlankLabel() {
    assertThatThrownBy(() -> Fixtures.level(" ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factor level label must not be blank, got ' '");
  }

  @Test
  void rejectsAnInfiniteValue() {
    assertThatThrownBy(() -> Fixtures.level("big", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "factor level value must be finite, or NaN for a categorical factor, got "
                + "Infinity for 'big'");
  }
}
