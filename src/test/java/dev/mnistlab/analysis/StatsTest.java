package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void computesMeanAndSampleStandardDeviation() {
    assertThat(Stats.mean(1, 2, 3, 4)).isEqualTo(2.5);
    assertThat(Stats.sd(1, 2, 3, 4)).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
  }

  @Test
  void bandIsTheStudentTIntervalOfTheMean() {
    // mean 2.5, sd sqrt(5/3), n 4: half width t_{0.975,3} * sd / 2 with t = 3.182446305.
    Band band = Stats.band(1, 2, 3, 4);
    double half = 3.182446305284263 * Math.sqrt(5.0 / 3) / 2;
    assertThat(band.mean()).isEqualTo(2.5);
    assertThat(band.low()).isCloseTo(2.5 - half, within(1e-9));
    assertThat(band.high()).isCloseTo(2.5 + half, within(1e-9));
    assertThat(band.n()).isEqualTo(4);
  }

  @Test
  void bandOfOneValueIsThatValue() {
    assertThat(Stats.band(0.97)).isEqualTo(new Band(0.97, 0.97, 0.97, 1));
  }

  @Test
  void bandOfNoValuesIsNaN() {
    Band band = Stats.band();
    assertThat(band.mean()).isNaN();
    assertThat(band.low()).isNaN();
    assertThat(band.high()).isNaN();
    assertThat(band.n()).isZero();
  }

  @Test
  void dropsValuesThatAreNotFinite() {
    Band band = Stats.band(List.of(1.0, Double.NaN, 3.0, Double.POSITIVE_INFINITY));
    assertThat(band.n()).isEqualTo(2);
    assertThat(band.mean()).isEqualTo(2.0);
  }

  @Test
  void halfWidthIsHalfTheInterval() {
    assertThat(Stats.halfWidth(new Band(1, 0.5, 1.5, 3))).isEqualTo(0.5);
  }

  @Test
  void tQuantileMatchesTablesForIntegerDegreesOfFreedom() {
    assertThat(Stats.tQuantile(0.975, 2)).isCloseTo(4.302653, within(1e-6));
    assertThat(Stats.tQuantile(0.975, 10)).isCloseTo(2.228139, within(1e-6));
    assertThat(Stats.tQuantile(0.975, 30)).isCloseTo(2.042272, within(1e-6));
  }

  @Test
  void tQuantileHandlesRealAndExtremeDegreesOfFreedom() {
    // SciPy 1.17, scipy.stats.t.ppf: Welch's degrees of freedom are real numbers.
    assertThat(Stats.tQuantile(0.975, 2.5)).isCloseTo(3.5746548420036817, within(1e-9));
    assertThat(Stats.tQuantile(0.975, 0.5)).isCloseTo(164.55767348048818, within(1e-6));
    assertThat(Stats.tQuantile(0.975, 1e5)).isCloseTo(1.9599877075346095, within(1e-9));
  }

  @Test
  void tQuantileIsSymmetricAroundZero() {
    assertThat(Stats.tQuantile(0.025, 10)).isCloseTo(-2.228139, within(1e-6));
    assertThat(Stats.tQuantile(0.5, 3)).isCloseTo(0, within(1e-12));
  }

  @Test
  void tTwoSidedPIsTwiceTheTailOnEitherSide() {
    // SciPy 1.17, scipy.stats.t.cdf(2.0, 5) = 0.9490302605850708, t.cdf(-1.3, 7.5) below.
    assertThat(Stats.tTwoSidedP(2.0, 5)).isCloseTo(2 * (1 - 0.9490302605850708), within(1e-12));
    assertThat(Stats.tTwoSidedP(-2.0, 5)).isEqualTo(Stats.tTwoSidedP(2.0, 5));
    assertThat(Stats.tTwoSidedP(-1.3, 7.5)).isCloseTo(2 * 0.11606338940780439, within(1e-12));
    assertThat(Stats.tTwoSidedP(0, 4)).isEqualTo(1.0);
  }
}
