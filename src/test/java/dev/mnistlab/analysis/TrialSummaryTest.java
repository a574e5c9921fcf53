package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.RunState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSummaryTest {
  private static final double[] ACC = {0.90, 0.95, 0.93};

  @Test
  void summarisesFinalFiguresOverRuns() {
    TrialRuns trial =
        new TrialRuns(
            "trial 1",
            Fixtures.CONFIG,
            List.of(
                Fixtures.run(0.96, new double[] {1.0, 0.4, 0.3}, fill(3, 0.5), ACC),
                Fixtures.run(0.98, new double[] {1.0, 0.4, 0.5}, fill(3, 0.7), ACC)),
            0.97,
            1.46);
    TrialSummary s = TrialSummary.of(trial);
    assertThat(s.name()).isEqualTo("trial 1");
    assertThat(s.runs()).isEqualTo(2);
    assertThat(s.complete()).isEqualTo(2);
    assertThat(s.testAccuracy().mean()).isCloseTo(0.97, within(1e-12));
    assertThat(s.finalTrainLoss().mean()).isCloseTo(0.4, within(1e-12));
    assertThat(s.finalValLoss().mean()).isCloseTo(0.6, within(1e-12));
    assertThat(s.finalValAccuracy().mean()).isCloseTo(0.93, within(1e-12));
    assertThat(s.bestValEpoch().mean()).isEqualTo(2.0);
    assertThat(s.seconds().mean()).isEqualTo(30.0);
    assertThat(s.reportedLoss()).isEqualTo(1.46);
    assertThat(s.reportedInsideInterval()).isTrue();
  }

  @Test
  void countsRunStates() {
    TrialRuns trial =
        Fixtures.trial(
            "t",
            Fixtures.flat(0.9, 0.9),
            Fixtures.run(
                Fixtures.CONFIG,
                RunState.DIVERGED,
                Double.NaN,
                fill(1, Double.NaN),
                fill(1, Double.NaN),
                fill(1, Double.NaN),
                List.of()));
    TrialSummary s = TrialSummary.of(trial);
    assertThat(s.complete()).isEqualTo(1);
    assertThat(s.diverged()).isEqualTo(1);
    assertThat(s.failed()).isZero();
    assertThat(s.testAccuracy().n()).isEqualTo(1);
  }

  @Test
  void reportedAccuracyOutsideTheIntervalIsFlagged() {
    TrialRuns trial =
        new TrialRuns(
            "t",
            Fixtures.CONFIG,
            List.of(
                Fixtures.flat(0.9, 0.970), Fixtures.flat(0.9, 0.971), Fixtures.flat(0.9, 0.972)),
            0.9573,
            null);
    assertThat(TrialSummary.of(trial).reportedInsideInterval()).isFalse();
  }

  @Test
  void insideIsUnansweredWithoutReportOrWithOneRun() {
    assertThat(
            TrialSummary.of(Fixtures.trial("t", Fixtures.flat(0.9, 0.9))).reportedInsideInterval())
        .isNull();
    TrialRuns one =
        new TrialRuns("t", Fixtures.CONFIG, List.of(Fixtures.flat(0.9, 0.9)), 0.9, null);
    assertThat(TrialSummary.of(one).reportedInsideInterval()).isNull();
  }
}
