package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosesTest {

  @Test
  void gathersEveryDiagnosisOfOneTrial() {
    TrialRuns trial =
        Fixtures.trial(
            "trial 7",
            Fixtures.run(0.98, line(20, 0.3, 0.01), line(20, 0.3, 0.07), line(20, 0.9, 0.98)));
    Diagnoses d = Diagnoses.of(trial);
    assertThat(d.trial()).isEqualTo("trial 7");
    assertThat(d.lossFloor().hasFloor()).isFalse();
    assertThat(d.overfitting().overfits()).isFalse();
    assertThat(d.stillImproving().stillImproving()).isTrue();
    assertThat(d.instability().largestDrop()).isZero();
    assertThat(d.miniBatchNoise().noise()).isNaN();
    assertThat(d.miniBatchNoise().batchSize()).isEqualTo(100);
  }

  @Test
  void handlesATrialWithoutRuns() {
    Diagnoses d = Diagnoses.of(Fixtures.trial("empty"));
    assertThat(d.overfitting().minEpoch()).isZero();
    assertThat(d.stillImproving().window()).isZero();
    assertThat(d.instability().lateAccuracySd()).isNaN();
    assertThat(d.lossFloor().lowestTrainLoss()).isNaN();
  }
}
