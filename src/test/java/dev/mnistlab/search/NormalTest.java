package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Checks the normal masses against values computed independently (Python's math.erfc). */
class NormalTest {
  @Test
  void matchesReferenceMassesNearTheCentre() {
    assertThat(Math.exp(Normal.logMass(-1, 1))).isCloseTo(0.6826894921370859, within(1e-7));
    assertThat(Math.exp(Normal.logMass(3, 4))).isCloseTo(0.0013182267897969757, within(1e-10));
    assertThat(Math.exp(Normal.logMass(-4, -3))).isCloseTo(0.0013182267897969757, within(1e-10));
  }

  @Test
  void staysFiniteAndAccurateFarInTheTail() {
    assertThat(Normal.logMass(10, Double.POSITIVE_INFINITY))
        .isCloseTo(-53.23128515051246, within(1e-5));
    // exp of this underflows to 0; in logs it is an ordinary number.
    assertThat(Normal.logMass(40, Double.POSITIVE_INFINITY))
        .isCloseTo(-804.6084420137538, within(1e-5));
  }

  @Test
  void aNarrowIntervalIsItsWidthTimesTheDensity() {
    assertThat(Normal.logMass(-1e-4, 1e-4))
        .isCloseTo(Math.log(2e-4) + Normal.logPdf(0), within(1e-6));
    assertThat(Normal.logMass(1, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
  }
}
