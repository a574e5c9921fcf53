package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void intervalAboveZeroIsBetter() {
    assertThat(Verdict.of(new Welch(0.03, 0.01, 0.05, 3, 4, 0.01, 3, 3))).isEqualTo(Verdict.BETTER);
  }

  @Test
  void intervalBelowZeroIsWorse() {
    assertThat(Verdict.of(new Welch(-0.03, -0.05, -0.01, -3, 4, 0.01, 3, 3)))
        .isEqualTo(Verdict.WORSE);
  }

  @Test
  void intervalAroundZeroIsWithinNoise() {
    assertThat(Verdict.of(new Welch(0.01, -0.01, 0.03, 1, 4, 0.3, 3, 3)))
        .isEqualTo(Verdict.WITHIN_NOISE);
  }

  @Test
  void unmeasuredNoiseIsUnknown() {
    assertThat(Verdict.of(Welch.of(new double[] {0.95}, new double[] {0.99})))
        .isEqualTo(Verdict.UNKNOWN);
  }
}
