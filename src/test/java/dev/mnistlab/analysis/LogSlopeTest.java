package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSlopeTest {

  @Test
  void recoversThePowerOfAPowerLaw() {
    double[] x = {16, 64, 256, 1024};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 3 * Math.pow(x[i], -0.5);
    }

    assertThat(LogSlope.of(x, y)).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void skipsPairsThatAreNotPositiveNumbers() {
    double[] x = {16, 64, Double.NaN, 256};
    double[] y = {16, 64, 1, 0};

    assertThat(LogSlope.of(x, y)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void isNaNWithoutTwoDifferentXs() {
    assertThat(LogSlope.of(new double[] {16, 16}, new double[] {1, 2})).isNaN();
    assertThat(LogSlope.of(new double[] {16}, new double[] {1})).isNaN();
  }
}
