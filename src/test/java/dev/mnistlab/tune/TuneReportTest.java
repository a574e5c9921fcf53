package dev.mnistlab.tune;

import static dev.mnistlab.tune.TuneConfirmationTest.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.sweep.SweepBase;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.worker.Objective;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuneReportTest {
  private static final TrainConfig CONFIG = TrainConfig.defaults().withSeed(42);

  private static TuneReport report(Objective objective, List<TrialRecord> trials) {
    TuneDefinition definition = TuneFixtures.definition(10, 2);
    StudyRecord study = new StudyRecord(1, definition.spec("search", objective), Instant.EPOCH);
    return TuneReport.of(study, definition, trials);
  }

  @Test
  void ranksCompleteTrialsBestFirstAndLeavesTheRestOut() {
    List<TrialRecord> trials =
        List.of(
            trial(0, CONFIG, TrialState.COMPLETE, 0.97, 0.96),
            trial(1, CONFIG, TrialState.PRUNED, 0.99, Double.NaN),
            trial(2, CONFIG, TrialState.COMPLETE, 0.98, 0.97),
            trial(3, CONFIG, TrialState.COMPLETE, 0.98, 0.97),
            trial(4, CONFIG, TrialState.FAILED, Double.NaN, Double.NaN));

    assertThat(TuneReport.ranked(Direction.MAXIMIZE, trials))
        .extracting(TrialRecord::number)
        .containsExactly(2, 3, 0);
    assertThat(TuneReport.ranked(Direction.MINIMIZE, trials))
        .extracting(TrialRecord::number)
        .containsExactly(0, 2, 3);
  }

  @Test
  void marksTrialsWithinOneBinomialStandardErrorOfTheBest() {
    // sqrt(0.9882 * 0.0118 / 5000) = 0.001527
    TuneReport r =
        report(
            Objective.VAL_ACCURACY,
            List.of(
                trial(0, CONFIG, TrialState.COMPLETE, 0.9882, 0.98),
                trial(1, CONFIG, TrialState.COMPLETE, 0.9870, 0.98),
                trial(2, CONFIG, TrialState.COMPLETE, 0.9860, 0.99),
                trial(3, CONFIG, TrialState.COMPLETE, 0.9868, 0.98)));

    assertThat(CONFIG.valSize()).isEqualTo(5000);
    assertThat(r.standardError()).isCloseTo(0.001527, within(1e-6));
    assertThat(r.top()).extracting(TrialRecord::number).containsExactly(0, 1, 3, 2);
    assertThat(r.top()).extracting(r::withinNoise).containsExactly(false, true, true, false);
  }

  @Test
  void marksNothingForALossObjectiveOrWithoutAValidationSplit() {
    TuneReport loss =
        report(
            Objective.VAL_LOSS,
            List.of(
                trial(0, CONFIG, TrialState.COMPLETE, 0.05, 0.98),
                trial(1, CONFIG, TrialState.COMPLETE, 0.0501, 0.98)));
    assertThat(loss.standardError()).isNaN();
    assertThat(loss.top()).noneMatch(loss::withinNoise);

    TrainConfig noVal = SweepBase.withSettings(CONFIG, List.of("val_size=0"));
    TuneReport none =
        report(
            Objective.VAL_ACCURACY,
            List.of(
                trial(0, noVal, TrialState.COMPLETE, 0.98, 0.98),
                trial(1, noVal, TrialState.COMPLETE, 0.98, 0.98)));
    assertThat(none.standardError()).isNaN();
  }
}
