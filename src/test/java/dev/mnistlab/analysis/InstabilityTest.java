package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.fill;
import static dev.mnistlab.analysis.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InstabilityTest {

  @Test
  void jaggedLateAccuracyIsMoreUnstableThanSmooth() {
    double[] jagged = {0.90, 0.95, 0.97, 0.98, 0.96, 0.98, 0.94, 0.98, 0.97, 0.98};
    Instability rough =
        Instability.of(
            Fixtures.trial("t", Fixtures.run(0.97, fill(10, 0.1), fill(10, 0.1), jagged)));
    Instability smooth =
        Instability.of(
            Fixtures.trial(
                "t", Fixtures.run(0.97, fill(10, 0.1), fill(10, 0.1), line(10, 0.90, 0.98))));
    assertThat(rough.window()).isEqualTo(5);
    // last five: 0.98, 0.94, 0.98, 0.97, 0.98
    assertThat(rough.lateAccuracySd())
        .isCloseTo(Stats.sd(0.98, 0.94, 0.98, 0.97, 0.98), within(1e-12));
    assertThat(rough.largestDrop()).isCloseTo(0.04, within(1e-12));
    assertThat(rough.dropEpoch()).isEqualTo(7);
    assertThat(smooth.largestDrop()).isZero();
    assertThat(smooth.dropEpoch()).isZero();
    assertThat(rough.lateAccuracySd()).isGreaterThan(smooth.lateAccuracySd());
  }

  @Test
  void averagesTheLateSpreadOverRuns() {
    Instability i =
        Instability.of(
            Fixtures.trial(
                "t",
                Fixtures.run(0.97, fill(2, 0.1), fill(2, 0.1), new double[] {0.90, 0.92}),
                Fixtures.run(0.97, fill(2, 0.1), fill(2, 0.1), new double[] {0.90, 0.96})));
    assertThat(i.window()).isEqualTo(2);
    assertThat(i.lateAccuracySd()).isCloseTo((0.02 + 0.06) / 2 / Math.sqrt(2), within(1e-12));
  }
}
