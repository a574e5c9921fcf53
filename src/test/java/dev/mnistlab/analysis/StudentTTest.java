package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Checks Student's t against values from tables and SciPy 1.17 ({@code scipy.stats.t}). */
class StudentTTest {

  @Test
  void quantileMatchesTablesForIntegerDegreesOfFreedom() {
    assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.302653, within(1e-6));
    assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228139, within(1e-6));
    assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.042272, within(1e-6));
  }

  @Test
  void quantileHandlesRealAndExtremeDegreesOfFreedom() {
    assertThat(StudentT.quantile(0.975, 2.5)).isCloseTo(3.5746548420036817, within(1e-9));
    assertThat(StudentT.quantile(0.975, 0.5)).isCloseTo(164.55767348048818, within(1e-6));
    assertThat(StudentT.quantile(0.975, 1e5)).isCloseTo(1.9599877075346095, within(1e-9));
  }

  @Test
  void quantileIsSymmetricAroundZero() {
    assertThat(StudentT.quantile(0.025, 10)).isCloseTo(-2.228139, within(1e-6));
    assertThat(StudentT.quantile(0.5, 3)).isZero();
  }

  @Test
  void cdfMatchesKnownValues() {
    assertThat(StudentT.cdf(2.0, 5)).isCloseTo(0.9490303, within(1e-7));
    assertThat(StudentT.cdf(-1.3, 7.5)).isCloseTo(0.11606338940780439, within(1e-12));
    assertThat(StudentT.cdf(0.7, 0.8)).isCloseTo(0.683315112054095, within(1e-12));
    assertThat(StudentT.cdf(0, 4)).isEqualTo(0.5);
  }

  @Test
  void twoSidedPIsTwiceTheUpperTail() {
    assertThat(StudentT.twoSidedP(2.0, 5)).isCloseTo(2 * (1 - 0.9490302605850708), within(1e-12));
  }

  @Test
  void rejectsNonPositiveDegreesOfFreedom() {
    assertThatThrownBy(() -> StudentT.cdf(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("degrees of freedom must be a finite number > 0, got 0.0");
  }

  @Test
  void rejectsProbabilityOutsideOpenUnitInterval() {
    assertThatThrownBy(() -> StudentT.quantile(1, 3))
        .hasMessage("probability must be in (0, 1), got 1.0");
  }
}
