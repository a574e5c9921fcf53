package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {
  private final SearchSpace space = SamplerFixtures.mlp();
  private final SearchSpace line =
      new SearchSpace("line", List.of(new Param("x", new FloatRange(0, 1, 0, false), null)));

  private static TpeSampler tpe(long seed, boolean multivariate) {
    return new TpeSampler(seed, Direction.MINIMIZE, 10, 24, multivariate);
  }

  /** Runs {@code trials} trials of the one-parameter space, scoring each x with {@code score}. */
  private List<Observation> runLine(
      Sampler sampler, int trials, Function<Double, Observation> score) {
    List<Observation> history = new ArrayList<>();
    for (int n = 0; n < trials; n++) {
      double x = (Double) sampler.sample(line, n, history).get("x");
      Observation o = score.apply(x);
      history.add(new Observation(n, Map.of("x", x), o.state(), o.value(), o.epochs()));
    }
    return history;
  }

  private static Observation complete(double value) {
    return new Observation(0, Map.of(), TrialState.COMPLETE, value, 12);
  }

  /** Returns the x of trials numbered from..to-1 proposed against a fixed history. */
  private List<Double> proposals(Sampler sampler, List<Observation> history, int from, int to) {
    List<Double> xs = new ArrayList<>();
    for (int n = from; n < to; n++) {
      xs.add((Double) sampler.sample(line, n, history).get("x"));
    }
    return xs;
  }

  @Test
  void beatsRandomSearchOnANoisyObjectiveForMostSeeds() {
    // Measured: 171 of 200 seeds (85%) per parameter, 166 of 200 multivariate; seeds 1-10
    // alone win 6 and 7, so 30 seeds keep the 70% bar from hanging on one unlucky seed.
    for (boolean multivariate : new boolean[] {false, true}) {
      int wins = 0;
      for (long seed = 1; seed <= 30; seed++) {
        double tpe =
            SamplerFixtures.best(SamplerFixtures.run(tpe(seed, multivariate), space, 50, seed));
        double random =
            SamplerFixtures.best(SamplerFixtures.run(new RandomSampler(seed), space, 50, seed));
        wins += tpe < random ? 1 : 0;
      }
      System.out.printf(
          "TPE (multivariate %s) beat random search for %d of 30 seeds%n", multivariate, wins);
      assertThat(wins).as("wins, multivariate " + multivariate).isGreaterThanOrEqualTo(21);
    }
  }

  @Test
  void everyPointFitsTheSpaceWithConditionsInBothModes() {
    for (boolean multivariate : new boolean[] {false, true}) {
      List<Observation> history = SamplerFixtures.run(tpe(3, multivariate), space, 60, 3);
      assertThat(history)
          .allSatisfy(o -> assertThat(space.fits(o.params())).as("%s", o.params()).isTrue());
      assertThat(history.subList(10, 60))
          .anyMatch(o -> o.params().containsKey("momentum"))
          .anyMatch(o -> !o.params().containsKey("momentum"));
    }
  }

  @Test
  void sameSeedAndHistoryGiveTheSamePointInAnyOrderAndInstance() {
    List<Observation> history = SamplerFixtures.run(new RandomSampler(4), space, 40, 4);
    List<Observation> shuffled = new ArrayList<>(history);
    Collections.shuffle(shuffled, new Random(1));
    for (boolean multivariate : new boolean[] {false, true}) {
      for (int n = 40; n < 50; n++) {
        assertThat(tpe(9, multivariate).sample(space, n, shuffled))
            .isEqualTo(tpe(9, multivariate).sample(space, n, history));
      }
    }
  }

  @Test
  void differentSeedGivesADifferentPoint() {
    List<Observation> history = SamplerFixtures.run(new RandomSampler(4), space, 40, 4);
    for (boolean multivariate : new boolean[] {false, true}) {
      int same = 0;
      for (int n = 40; n < 50; n++) {
        same +=
            tpe(1, multivariate)
                    .sample(space, n, history)
                    .equals(tpe(2, multivariate).sample(space, n, history))
                ? 1
                : 0;
      }
      assertThat(same).isZero();
    }
  }

  @Test
  void startUpTrialsAreExactlyRandomSearch() {
    List<Observation> history = SamplerFixtures.run(new RandomSampler(6), space, 30, 6);
    TpeSampler sampler = tpe(6, false);
    assertThat(sampler.blindTrials()).isEqualTo(10);
    for (int n = 0; n < 10; n++) {
      assertThat(sampler.sample(space, n, history))
          .isEqualTo(new RandomSampler(6).sample(space, n, List.of()));
    }
    // Past the start-up number but with too little finished history, still random.
    assertThat(sampler.sample(space, 20, history.subList(0, 9)))
        .isEqualTo(new RandomSampler(6).sample(space, 20, List.of()));
  }

  @Test
  void followsTheStudyDirection() {
    List<Observation> down = runLine(tpe(5, false), 40, x -> complete(x));
    List<Observation> up = runLine(new TpeSampler(5, Direction.MAXIMIZE), 40, x -> complete(x));
    double meanDown =
        down.subList(20, 40).stream()
            .mapToDouble(o -> (Double) o.params().get("x"))
            .average()
            .orElseThrow();
    double meanUp =
        up.subList(20, 40).stream()
            .mapToDouble(o -> (Double) o.params().get("x"))
            .average()
            .orElseThrow();
    assertThat(meanDown).isLessThan(0.25);
    assertThat(meanUp).isGreaterThan(0.75);
  }

  @Test
  void ranksCompleteThenPrunedByEpochsThenFailedAndSkipsRunning() {
    List<Observation> history =
        List.of(
            new Observation(0, Map.of(), TrialState.COMPLETE, 0.3, 12),
            new Observation(1, Map.of(), TrialState.COMPLETE, 0.1, 12),
            new Observation(2, Map.of(), TrialState.PRUNED, 0.05, 3),
            new Observation(3, Map.of(), TrialState.PRUNED, 0.2, 6),
            new Observation(4, Map.of(), TrialState.PRUNED, 0.01, 3),
            new Observation(5, Map.of(), TrialState.FAILED, Double.NaN, 0),
            new Observation(6, Map.of(), TrialState.DIVERGED, Double.NaN, 2),
            new Observation(7, Map.of(), TrialState.RUNNING, Double.NaN, 1),
            new Observation(8, Map.of(), TrialState.PRUNED, Double.NaN, 3));
    assertThat(TpeSampler.rank(history, Direction.MINIMIZE))
        .extracting(Observation::number)
        .containsExactly(1, 0, 3, 4, 2, 8, 5, 6);
    assertThat(TpeSampler.rank(history, Direction.MAXIMIZE))
        .extracting(Observation::number)
        .containsExactly(0, 1, 3, 2, 4, 8, 5, 6);
  }

  @Test
  void countsPrunedTrialsWorseThanCompleteOnesWhateverTheirValue() {
    // Pruned trials look excellent at the epoch they stopped; TPE must still prefer the
    // region where trials completed.
    List<Observation> history =
        runLine(
            new RandomSampler(8),
            40,
            x ->
                x < 0.3 ? complete(0.9) : new Observation(0, Map.of(), TrialState.PRUNED, 0.01, 2));
    List<Double> xs = proposals(tpe(8, false), history, 40, 80);
    assertThat(xs.stream().filter(x -> x < 0.3).count()).isGreaterThanOrEqualTo(32);
  }

  @Test
  void countsFailedTrialsAsTheWorst() {
    List<Observation> history =
        runLine(
            new RandomSampler(2),
            40,
            x ->
                x > 0.6
                    ? new Observation(0, Map.of(), TrialState.FAILED, Double.NaN, 0)
                    : complete(0.5 + 0.01 * x));
    List<Double> xs = proposals(new TpeSampler(2, Direction.MAXIMIZE), history, 40, 80);
    assertThat(xs.stream().filter(x -> x <= 0.6).count()).isGreaterThanOrEqualTo(32);
  }

  @Test
  void learnsAConditionalParameterFromTheTrialsThatHadIt() {
    SearchSpace space =
        new SearchSpace(
            "conditional",
            List.of(
                new Param("kind", new Choice(List.of("a", "b")), null),
                new Param(
                    "y", new FloatRange(0, 1, 0, false), new Condition("kind", List.of("b")))));
    for (boolean multivariate : new boolean[] {false, true}) {
      TpeSampler sampler = tpe(12, multivariate);
      List<Observation> history = new ArrayList<>();
      for (int n = 0; n < 60; n++) {
        Map<String, Object> p = sampler.sample(space, n, history);
        assertThat(space.fits(p)).isTrue();
        double value = p.get("kind").equals("a") ? 0.5 : (Double) p.get("y");
        history.add(new Observation(n, p, TrialState.COMPLETE, value, 12));
      }
      double lateY =
          history.subList(30, 60).stream()
              .filter(o -> o.params().containsKey("y"))
              .mapToDouble(o -> (Double) o.params().get("y"))
              .average()
              .orElseThrow();
      assertThat(lateY).as("mean late y, multivariate " + multivariate).isLessThan(0.25);
    }
  }

  @Test
  void modelsFromTheFirstTrialWithoutStartUp() {
    TpeSampler sampler = new TpeSampler(1, Direction.MINIMIZE, 0, 24, true);
    assertThat(sampler.blindTrials()).isZero();
    List<Observation> history = SamplerFixtures.run(sampler, space, 15, 1);
    assertThat(history).allSatisfy(o -> assertThat(space.fits(o.params())).isTrue());
    assertThat(history.get(0).params())
        .isNotEqualTo(new RandomSampler(1).sample(space, 0, List.of()));
  }

  @Test
  void callsTheBestTenthGoodUpToTwentyFive() {
    assertThat(TpeSampler.goodCount(0)).isZero();
    assertThat(TpeSampler.goodCount(10)).isEqualTo(1);
    assertThat(TpeSampler.goodCount(11)).isEqualTo(2);
    assertThat(TpeSampler.goodCount(100)).isEqualTo(10);
    assertThat(TpeSampler.goodCount(1000)).isEqualTo(25);
  }
}
