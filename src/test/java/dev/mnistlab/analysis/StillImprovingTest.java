package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.fill;
import static dev.mnistlab.analysis.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StillImprovingTest {

  @Test
  void curveStillFallingAtTheEndIsStillImproving() {
    // 20 epochs, accuracy 0.90 -> 0.957 (0.003 per epoch), loss 0.40 -> 0.21.
    StillImproving s =
        StillImproving.of(
            Fixtures.trial(
                "t",
                Fixtures.run(
                    0.95, line(20, 0.5, 0.2), line(20, 0.40, 0.21), line(20, 0.90, 0.957))));
    assertThat(s.window()).isEqualTo(3);
    assertThat(s.accuracyGain()).isCloseTo(0.009, within(1e-12));
    assertThat(s.valLossChange()).isCloseTo(-0.03, within(1e-12));
    assertThat(s.stillImproving()).isTrue();
  }

  @Test
  void flatCurveHasConverged() {
    double[] acc = {0.90, 0.95, 0.97, 0.9800, 0.9802, 0.9803, 0.9804};
    StillImproving s =
        StillImproving.of(
            Fixtures.trial("t", Fixtures.run(0.98, fill(7, 0.1), line(7, 0.3, 0.1), acc)));
    assertThat(s.accuracyGain()).isCloseTo(0.0004, within(1e-12));
    assertThat(s.stillImproving()).isFalse();
  }

  @Test
  void risingAccuracyWithRisingLossIsNotStillImproving() {
    StillImproving s =
        StillImproving.of(
            Fixtures.trial(
                "t", Fixtures.run(0.98, fill(5, 0.1), line(5, 0.1, 0.2), line(5, 0.90, 0.95))));
    assertThat(s.stillImproving()).isFalse();
  }

  @Test
  void shortRunUsesTheEpochsItHas() {
    StillImproving s =
        StillImproving.of(
            Fixtures.trial(
                "t",
                Fixtures.run(
                    0.98, fill(2, 0.1), new double[] {0.3, 0.2}, new double[] {0.9, 0.95})));
    assertThat(s.window()).isEqualTo(1);
    assertThat(s.stillImproving()).isTrue();
    StillImproving one =
        StillImproving.of(
            Fixtures.trial("t", Fixtures.run(0.98, fill(1, 0.1), fill(1, 0.2), fill(1, 0.9))));
    assertThat(one.window()).isZero();
    assertThat(one.stillImproving()).isFalse();
  }
}
