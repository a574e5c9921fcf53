package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Checks Welch's test against Wikipedia's third example (Welch's t-test article), whose figures
 * were recomputed by hand and with SciPy 1.17 ({@code ttest_ind(b, a, equal_var=False)}): t =
 * 2.2255, df = 24.52, p = 0.03548, interval [0.16354, 4.27646].
 */
class WelchTest {
  private static final double[] A = {19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0};
  private static final double[] B = {
    28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6,
    24.3, 20.4, 23.9, 13.3
  };

  @Test
  void matchesKnownExample() {
    Welch w = Welch.of(A, B);
    assertThat(w.difference()).isCloseTo(2.22, within(1e-9));
    assertThat(w.t()).isCloseTo(2.225512039969852, within(1e-9));
    assertThat(w.df()).isCloseTo(24.524634944257343, within(1e-9));
    assertThat(w.p()).isCloseTo(0.035484530830010394, within(1e-9));
    assertThat(w.low()).isCloseTo(0.16354134987944358, within(1e-8));
    assertThat(w.high()).isCloseTo(4.276458650120555, within(1e-8));
    assertThat(w.nA()).isEqualTo(10);
    assertThat(w.nB()).isEqualTo(20);
    assertThat(w.significant()).isTrue();
  }

  @Test
  void swappingSidesFlipsTheSign() {
    Welch w = Welch.of(B, A);
    assertThat(w.t()).isCloseTo(-2.225512039969852, within(1e-9));
    assertThat(w.p()).isCloseTo(0.035484530830010394, within(1e-9));
  }

  @Test
  void oneValueOnASideLeavesTheTestUndecided() {
    Welch w = Welch.of(new double[] {0.95}, new double[] {0.96, 0.97});
    assertThat(w.difference()).isCloseTo(0.015, within(1e-12));
    assertThat(w.p()).isNaN();
    assertThat(w.low()).isNaN();
    assertThat(w.high()).isNaN();
    assertThat(w.significant()).isFalse();
  }

  @Test
  void zeroVarianceOnBothSidesLeavesTheTestUndecided() {
    Welch w = Welch.of(new double[] {1, 1}, new double[] {2, 2, 2});
    assertThat(w.difference()).isEqualTo(1.0);
    assertThat(w.t()).isNaN();
    assertThat(w.p()).isNaN();
  }
}
