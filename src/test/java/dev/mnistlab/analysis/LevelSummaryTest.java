package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.diverged;
import static dev.mnistlab.analysis.Fixtures.flats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.train.TrainResult;
import org.junit.jupiter.api.Test;

class LevelSummaryTest {

  @Test
  void takesTheRoundedMeanOfTheMiddleTwoStepsForAnEvenCount() {
    TrainResult[] done = flats(0.9);
    LevelSummary s =
        LevelSummary.of(
            Fixtures.level(
                "0.1",
                0.1,
                done[0],
                diverged(45, 0),
                diverged(38, 0),
                diverged(41, 0),
                diverged(100, 0)),
            null);

    assertThat(s.divergedAtSteps()).containsExactly(38L, 41L, 45L, 100L);
    assertThat(s.medianDivergenceStep()).isEqualTo(43);
  }

  @Test
  void isTheBestWithoutAComparisonWhenGivenNoBest() {
    LevelSummary s = LevelSummary.of(Fixtures.level("a", 1, flats(0.9, 0.91)), null);

    assertThat(s.standing()).isEqualTo(Standing.BEST);
    assertThat(s.versusBest()).isNull();
    assertThat(s.hasResult()).isTrue();
  }

  @Test
  void hasNoResultWhenEveryRunDiverged() {
    LevelSummary s =
        LevelSummary.of(Fixtures.level("a", 1, diverged(5, 2)), new double[] {0.9, 0.91});

    assertThat(s.standing()).isEqualTo(Standing.NO_RESULT);
    assertThat(s.versusBest()).isNull();
    assertThat(s.seconds().n()).isZero();
    assertThat(s.medianDivergenceStep()).isEqualTo(5);
    assertThat(s.bestEpoch()).isZero();
  }

  @Test
  void leavesOutDivergedRunsThatDidNotRecordAStep() {
    LevelSummary s = LevelSummary.of(Fixtures.level("a", 1, diverged(0, 0)), null);

    assertThat(s.diverged()).isEqualTo(1);
    assertThat(s.divergedAtSteps()).isEmpty();
    assertThat(s.medianDivergenceStep()).isZero();
  }

  @Test
  void rejectsMoreDivergedAndFailedRunsThanRuns() {
    LevelSummary s = LevelSummary.of(Fixtures.level("a", 1, flats(0.9)), null);

    assertThatThrownBy(
            () ->
                new LevelSummary(
                    "a",
                    1,
                    1,
                    1,
                    1,
                    s.divergedAtSteps(),
                    s.finalValAccuracy(),
                    s.finalTrainLoss(),
                    s.finalValLoss(),
                    s.seconds(),
                    s.curves(),
                    s.overfitting(),
                    s.stillImproving(),
                    s.noise(),
                    null,
                    Standing.BEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("diverged + failed must be between 0 and runs (1), got 1 + 1 for 'a'");
  }
}
