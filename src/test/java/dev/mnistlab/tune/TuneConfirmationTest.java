package dev.mnistlab.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.analysis.Standing;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.TrainConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuneConfirmationTest {
  private static final TrainConfig BASE = TrainConfig.defaults().withSeed(42);
  private static final TrainConfig A = BASE.withRun(12, 128, 0.001);
  private static final TrainConfig B = BASE.withRun(12, 128, 0.002);
  private static final TrainConfig C = BASE.withRun(12, 128, 0.003);
  private static final ConfirmPlan PLAN = new ConfirmPlan(3, 3);

  /** Returns a stored-looking trial with this config, state, objective value and test accuracy. */
  static TrialRecord trial(
      int number, TrainConfig config, TrialState state, double value, double test) {
    return new TrialRecord(
        100 + number,
        1,
        number,
        "trial " + number,
        Map.of(),
        config,
        state,
        null,
        "w",
        1,
        Instant.EPOCH,
        null,
        null,
        null,
        value,
        new Evaluation(0.1, test),
        10.0,
        0,
        Double.NaN,
        null,
        List.of(),
        List.of());
  }

  /** The search: A ranked first, B second, C third, as single runs. */
  private static List<TrialRecord> ranked() {
    return List.of(
        trial(4, A, TrialState.COMPLETE, 0.990, 0.985),
        trial(9, B, TrialState.COMPLETE, 0.989, 0.984),
        trial(1, C, TrialState.COMPLETE, 0.985, 0.980));
  }

  /** Adds complete runs of {@code config} with seeds 43, 44, ... and these values and tests. */
  private static void runs(
      List<TrialRecord> to, TrainConfig config, double[] values, double[] tests) {
    for (int i = 0; i < values.length; i++) {
      to.add(trial(to.size(), config.withSeed(43 + i), TrialState.COMPLETE, values[i], tests[i]));
    }
  }

  private static List<TrialRecord> confirmationRuns(double[] testsOfA) {
    List<TrialRecord> runs = new ArrayList<>();
    runs(runs, A, new double[] {0.984, 0.988, 0.992}, testsOfA);
    runs(runs, B, new double[] {0.988, 0.989, 0.990}, new double[] {0.980, 0.981, 0.982});
    runs(runs, C, new double[] {0.970, 0.971, 0.972}, new double[] {0.99, 0.99, 0.99});
    return runs;
  }

  @Test
  void choosesByTheMeanOverTheNewSeedsNotByTheSearchValue() {
    TuneConfirmation c =
        TuneConfirmation.of(
            PLAN, Direction.MAXIMIZE, ranked(), confirmationRuns(new double[] {0.9, 0.9, 0.9}));

    assertThat(c.best().trial().number()).isEqualTo(9);
    assertThat(c.best().rank()).isEqualTo(2);
    assertThat(c.best().value().mean()).isCloseTo(0.989, within(1e-12));
    assertThat(c.best().value().n()).isEqualTo(3);
    // t_{0.975, 2} * 0.001 / sqrt(3) = 4.3027 * 0.000577 = 0.002484
    assertThat(c.best().value().high() - 0.989).isCloseTo(0.002484, within(1e-6));
    assertThat(c.best().seeds()).containsExactly(43L, 44L, 45L);
    assertThat(c.rows()).extracting(TuneConfirmation.Row::rank).containsExactly(1, 2, 3);
    assertThat(c.complete()).isTrue();
    assertThat(c.runsWanted()).isEqualTo(9);
  }

  @Test
  void saysWhichAreWithinNoiseOfTheChosenOneByWelchsTest() {
    TuneConfirmation c =
        TuneConfirmation.of(
            PLAN, Direction.MAXIMIZE, ranked(), confirmationRuns(new double[] {0.9, 0.9, 0.9}));

    assertThat(c.rows())
        .extracting(TuneConfirmation.Row::standing)
        .containsExactly(Standing.WITHIN_NOISE, Standing.BEST, Standing.WORSE);
    // A: mean 0.988, sd 0.004; B: mean 0.989, sd 0.001: t = -0.42, far from significant.
    assertThat(c.rows().get(0).p()).isGreaterThan(0.05);
    assertThat(c.rows().get(2).p()).isLessThan(0.05);
    assertThat(c.rows().get(1).p()).isNaN();
  }

  @Test
  void readsTheTestAccuracyOfTheChosenOneOnlyAndNeverChoosesByIt() {
    TuneConfirmation low =
        TuneConfirmation.of(
            PLAN, Direction.MAXIMIZE, ranked(), confirmationRuns(new double[] {0.5, 0.5, 0.5}));
    TuneConfirmation high =
        TuneConfirmation.of(
            PLAN, Direction.MAXIMIZE, ranked(), confirmationRuns(new double[] {1.0, 1.0, 1.0}));

    assertThat(low.chosenTest().mean()).isCloseTo(0.981, within(1e-12));
    assertThat(low.chosenTest().n()).isEqualTo(3);
    // C has the best test accuracy (0.99) and A's changes from 0.5 to 1.0: nothing moves.
    assertThat(high).isEqualTo(low);
  }

  @Test
  void minimisesALossObjective() {
    List<TrialRecord> runs = new ArrayList<>();
    double[] tests = {0.98, 0.98, 0.98};
    runs(runs, A, new double[] {0.060, 0.061, 0.062}, tests);
    runs(runs, B, new double[] {0.040, 0.041, 0.042}, new double[] {0.97, 0.97, 0.97});
    List<TrialRecord> ranked =
        List.of(
            trial(4, A, TrialState.COMPLETE, 0.050, 0.98),
            trial(9, B, TrialState.COMPLETE, 0.051, 0.97));

    TuneConfirmation c =
        TuneConfirmation.of(new ConfirmPlan(2, 3), Direction.MINIMIZE, ranked, runs);

    assertThat(c.best().trial().number()).isEqualTo(9);
    assertThat(c.rows().get(0).standing()).isEqualTo(Standing.WORSE);
    assertThat(c.chosenTest().mean()).isCloseTo(0.97, within(1e-12));
  }

  @Test
  void confirmsOnlyTheTopKAndCountsOnlyTheirOwnNewSeeds() {
    List<TrialRecord> runs = confirmationRuns(new double[] {0.9, 0.9, 0.9});
    // A run with the search's own seed, and one of a fourth seed, belong to no plan of 2x3.
    runs.add(trial(50, B, TrialState.COMPLETE, 0.5, 0.5));
    runs.add(trial(51, B.withSeed(46), TrialState.COMPLETE, 0.5, 0.5));

    TuneConfirmation c =
        TuneConfirmation.of(new ConfirmPlan(2, 3), Direction.MAXIMIZE, ranked(), runs);

    assertThat(c.rows()).hasSize(2);
    assertThat(c.rows().get(1).value().mean()).isCloseTo(0.989, within(1e-12));
    assertThat(c.best().trial().number()).isEqualTo(9);
  }

  @Test
  void leavesFailedAndUnfinishedRunsOutAndSaysSo() {
    List<TrialRecord> runs = new ArrayList<>();
    runs.add(trial(0, A.withSeed(43), TrialState.COMPLETE, 0.99, 0.98));
    runs.add(trial(1, A.withSeed(44), TrialState.DIVERGED, Double.NaN, Double.NaN));
    runs.add(trial(2, A.withSeed(45), TrialState.RUNNING, Double.NaN, Double.NaN));
    runs.add(trial(3, B.withSeed(43), TrialState.FAILED, Double.NaN, Double.NaN));

    TuneConfirmation c =
        TuneConfirmation.of(new ConfirmPlan(3, 3), Direction.MAXIMIZE, ranked(), runs);

    TuneConfirmation.Row a = c.rows().get(0);
    assertThat(a.standing()).isEqualTo(Standing.BEST);
    assertThat(a.finished()).isEqualTo(2);
    assertThat(a.failed()).isEqualTo(1);
    assertThat(a.value().n()).isEqualTo(1);
    assertThat(c.rows().get(1).standing()).isEqualTo(Standing.NO_RESULT);
    assertThat(c.rows().get(1).failed()).isEqualTo(1);
    assertThat(c.rows().get(2).finished()).isZero();
    assertThat(c.runsFinished()).isEqualTo(3);
    assertThat(c.complete()).isFalse();
  }

  @Test
  void cannotCompareWithOneRunOnASide() {
    List<TrialRecord> runs = new ArrayList<>();
    runs(runs, A, new double[] {0.99}, new double[] {0.98});
    runs(runs, B, new double[] {0.980, 0.982}, new double[] {0.98, 0.98});

    TuneConfirmation c =
        TuneConfirmation.of(new ConfirmPlan(2, 2), Direction.MAXIMIZE, ranked(), runs);

    assertThat(c.best().trial().number()).isEqualTo(4);
    assertThat(c.rows().get(1).standing()).isEqualTo(Standing.UNDECIDED);
    assertThat(c.rows().get(1).p()).isNaN();
  }

  @Test
  void breaksATieOnTheMeanByTheSearchRank() {
    List<TrialRecord> runs = new ArrayList<>();
    runs(runs, A, new double[] {0.980, 0.990}, new double[] {0.98, 0.98});
    runs(runs, B, new double[] {0.990, 0.980}, new double[] {0.98, 0.98});

    TuneConfirmation c =
        TuneConfirmation.of(new ConfirmPlan(2, 2), Direction.MAXIMIZE, ranked(), runs);

    assertThat(c.best().rank()).isEqualTo(1);
    assertThat(c.rows().get(1).standing()).isEqualTo(Standing.WITHIN_NOISE);
  }

  @Test
  void choosesNothingBeforeAnyRunHasAValue() {
    TuneConfirmation c = TuneConfirmation.of(PLAN, Direction.MAXIMIZE, ranked(), List.of());

    assertThat(c.best()).isNull();
    assertThat(c.chosen()).isEqualTo(-1);
    assertThat(c.chosenTest().n()).isZero();
    assertThat(c.rows())
        .extracting(TuneConfirmation.Row::standing)
        .containsOnly(Standing.NO_RESULT);
    assertThat(c.runsFinished()).isZero();
  }

  @Test
  void confirmsWhatThereIsWhenTheSearchHasFewerCompleteTrialsThanAsked() {
    TuneConfirmation c =
        TuneConfirmation.of(
            new ConfirmPlan(5, 2), Direction.MAXIMIZE, ranked().subList(0, 1), List.of());

    assertThat(c.rows()).hasSize(1);
    assertThat(c.runsWanted()).isEqualTo(2);
  }
}
