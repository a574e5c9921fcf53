package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.fill;
import static dev.mnistlab.analysis.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningCurvesTest {

  @Test
  void bandsEachEpochOverTheRuns() {
    TrialRuns trial =
        Fixtures.trial(
            "t",
            run(0.9, new double[] {1.0, 0.5}, fill(2, 0.6), new double[] {0.80, 0.90}),
            run(0.9, new double[] {1.2, 0.7}, fill(2, 0.6), new double[] {0.82, 0.92}));
    LearningCurves curves = LearningCurves.of(trial);
    assertThat(curves.trial()).isEqualTo("t");
    assertThat(curves.epochs()).isEqualTo(2);
    assertThat(curves.trainLoss().get(0).mean()).isCloseTo(1.1, within(1e-12));
    assertThat(curves.trainLoss().get(1).mean()).isCloseTo(0.6, within(1e-12));
    assertThat(curves.valAccuracy().get(1).mean()).isCloseTo(0.91, within(1e-12));
    assertThat(curves.valAccuracy().get(1).n()).isEqualTo(2);
    assertThat(curves.valLoss().get(0).low()).isEqualTo(0.6);
  }

  @Test
  void runsThatStoppedEarlyCountOnlyForTheEpochsTheyReached() {
    TrialRuns trial =
        Fixtures.trial(
            "t",
            run(0.9, fill(3, 0.5), fill(3, 0.6), fill(3, 0.9)),
            run(0.9, fill(1, 0.7), fill(1, 0.8), fill(1, 0.8)));
    LearningCurves curves = LearningCurves.of(trial);
    assertThat(curves.epochs()).isEqualTo(3);
    assertThat(curves.trainLoss().get(0).n()).isEqualTo(2);
    assertThat(curves.trainLoss().get(0).mean()).isCloseTo(0.6, within(1e-12));
    assertThat(curves.trainLoss().get(2).n()).isEqualTo(1);
    assertThat(curves.trainLoss().get(2).mean()).isEqualTo(0.5);
  }

  @Test
  void missingValidationGivesEmptyBands() {
    TrialRuns trial =
        Fixtures.trial("t", run(0.9, fill(2, 0.5), fill(2, Double.NaN), fill(2, Double.NaN)));
    LearningCurves curves = LearningCurves.of(trial);
    assertThat(curves.valAccuracy().get(0).n()).isZero();
    assertThat(curves.valAccuracy().get(0).mean()).isNaN();
  }
}
