package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.fill;
import static dev.mnistlab.analysis.Fixtures.line;
import static dev.mnistlab.analysis.Fixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OverfittingTest {

  /** Returns a U-shaped validation loss over 20 epochs with its minimum at epoch 6. */
  private static double[] uShape() {
    double[] loss = new double[20];
    for (int e = 1; e <= 20; e++) {
      loss[e - 1] = 0.08 + 0.002 * (e - 6) * (e - 6);
    }
    return loss;
  }

  @Test
  void findsTheOnsetOfAUShapedValidationLoss() {
    double[] train = line(20, 0.3, 0.01);
    TrialRuns trial =
        Fixtures.trial(
            "t",
            Fixtures.run(0.98, train, uShape(), fill(20, 0.98)),
            Fixtures.run(0.98, train, plus(uShape(), 0.002), fill(20, 0.98)),
            Fixtures.run(0.98, train, plus(uShape(), -0.002), fill(20, 0.98)));
    Overfitting o = Overfitting.of(trial);
    assertThat(o.minEpoch()).isEqualTo(6);
    assertThat(o.meanRunMinEpoch()).isEqualTo(6.0);
    assertThat(o.minValLoss()).isCloseTo(0.08, within(1e-12));
    assertThat(o.finalValLoss()).isCloseTo(0.08 + 0.002 * 196, within(1e-12));
    assertThat(o.rise()).isCloseTo(0.392, within(1e-12));
    assertThat(o.finalGap()).isCloseTo(0.472 - 0.01, within(1e-12));
    assertThat(o.noise()).isLessThan(o.rise());
    assertThat(o.overfits()).isTrue();
  }

  @Test
  void fallingValidationLossDoesNotOverfit() {
    TrialRuns trial =
        Fixtures.trial(
            "t", Fixtures.run(0.98, line(10, 0.5, 0.1), line(10, 0.5, 0.2), fill(10, 0.98)));
    Overfitting o = Overfitting.of(trial);
    assertThat(o.minEpoch()).isEqualTo(10);
    assertThat(o.rise()).isZero();
    assertThat(o.overfits()).isFalse();
  }

  @Test
  void riseWithinFivePercentOfOneRunIsNoise() {
    double[] val = {0.5, 0.3, 0.2, 0.205};
    Overfitting o =
        Overfitting.of(Fixtures.trial("t", Fixtures.run(0.98, fill(4, 0.1), val, fill(4, 0.98))));
    assertThat(o.minEpoch()).isEqualTo(3);
    assertThat(o.noise()).isCloseTo(0.01, within(1e-12));
    assertThat(o.overfits()).isFalse();
  }

  @Test
  void withoutValidationNothingIsClaimed() {
    Overfitting o =
        Overfitting.of(
            Fixtures.trial(
                "t", Fixtures.run(0.98, fill(3, 0.1), fill(3, Double.NaN), fill(3, Double.NaN))));
    assertThat(o.minEpoch()).isZero();
    assertThat(o.rise()).isNaN();
    assertThat(o.overfits()).isFalse();
  }
}
