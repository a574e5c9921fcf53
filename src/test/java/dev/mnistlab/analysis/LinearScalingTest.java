package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearScalingTest {

  @Test
  void findsExponentOneWhenTheBestRateIsProportionalToTheBatch() {
    LinearScaling s = LinearScaling.of(List.of(256.0, 16.0, 64.0), List.of(256e-5, 16e-5, 64e-5));

    assertThat(s.columnValues()).containsExactly(16.0, 64.0, 256.0);
    assertThat(s.bestRowValues()).containsExactly(16e-5, 64e-5, 256e-5);
    assertThat(s.monotone()).isTrue();
    assertThat(s.grows()).isTrue();
    assertThat(s.exponent()).isCloseTo(1.0, within(1e-12));
    assertThat(s.ratioPerDoubling()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void doesNotCallAFlatBestRateGrowing() {
    LinearScaling s = LinearScaling.of(List.of(16.0, 1024.0), List.of(1e-3, 1e-3));

    assertThat(s.monotone()).isTrue();
    assertThat(s.grows()).isFalse();
    assertThat(s.exponent()).isZero();
    assertThat(s.ratioPerDoubling()).isEqualTo(1.0);
  }

  @Test
  void doesNotCallABestRateThatFallsSomewhereGrowing() {
    LinearScaling s = LinearScaling.of(List.of(16.0, 64.0, 256.0), List.of(1e-4, 1e-3, 3e-4));

    assertThat(s.monotone()).isFalse();
    assertThat(s.grows()).isFalse();
    assertThat(s.exponent()).isGreaterThan(0);
  }

  @Test
  void rejectsValuesItCannotTakeTheLogarithmOf() {
    assertThatThrownBy(() -> LinearScaling.of(List.of(16.0, 0.0), List.of(1e-3, 1e-3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scaling needs values > 0 (it fits logarithms), got column 0.0 with best "
                + "row 0.001");
  }

  @Test
  void rejectsFewerThanTwoPairs() {
    assertThatThrownBy(() -> LinearScaling.of(List.of(16.0), List.of(1e-3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scaling needs the same number (>= 2) of column values and best row "
                + "values, got 1 and 1");
  }
}
