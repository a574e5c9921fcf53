package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandingTest {

  @Test
  void readsWelchOfValueMinusBest() {
    assertThat(Standing.of(Welch.of(new double[] {0.97, 0.98}, new double[] {0.97, 0.975})))
        .isEqualTo(Standing.WITHIN_NOISE);
    assertThat(
            Standing.of(
                Welch.of(new double[] {0.97, 0.975, 0.98}, new double[] {0.90, 0.91, 0.92})))
        .isEqualTo(Standing.WORSE);
    assertThat(Standing.of(Welch.of(new double[] {0.97}, new double[] {0.90})))
        .isEqualTo(Standing.UNDECIDED);
  }

  @Test
  void refusesAValueThatBeatsTheBest() {
    assertThatThrownBy(
            () ->
                Standing.of(
                    Welch.of(new double[] {0.90, 0.91, 0.92}, new double[] {0.97, 0.975, 0.98})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "a value cannot beat the best value beyond noise, got a " + "difference of 0.06");
  }
}
