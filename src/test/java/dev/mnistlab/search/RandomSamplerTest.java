package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSamplerTest {
  private final SearchSpace space = SamplerFixtures.mlp();

  private List<Map<String, Object>> points(Sampler sampler, int count) {
    List<Map<String, Object>> points = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      points.add(sampler.sample(space, n, List.of()));
    }
    return points;
  }

  @Test
  void sameSeedGivesTheSameSequenceInAnotherInstance() {
    assertThat(points(new RandomSampler(7), 200)).isEqualTo(points(new RandomSampler(7), 200));
  }

  @Test
  void differentSeedGivesADifferentSequence() {
    List<Map<String, Object>> a = points(new RandomSampler(7), 50);
    List<Map<String, Object>> b = points(new RandomSampler(8), 50);
    long same = 0;
    for (int n = 0; n < a.size(); n++) {
      same += a.get(n).equals(b.get(n)) ? 1 : 0;
    }
    assertThat(same).isZero();
  }

  @Test
  void trialNumberAloneDecidesThePointWhateverTheOrderOrHistory() {
    RandomSampler sampler = new RandomSampler(3);
    Map<String, Object> first = sampler.sample(space, 41, List.of());
    sampler.sample(space, 5, List.of());
    Observation seen = new Observation(0, first, TrialState.COMPLETE, 0.1, 12);
    assertThat(sampler.sample(space, 41, List.of(seen))).isEqualTo(first);
  }

  @Test
  void everyPointFitsTheSpaceAndConditionsGoBothWays() {
    List<Map<String, Object>> points = points(new RandomSampler(11), 2000);
    assertThat(points).allSatisfy(p -> assertThat(space.fits(p)).as("%s", p).isTrue());
    assertThat(points)
        .allSatisfy(
            p ->
                assertThat(p.keySet())
                    .containsSubsequence(
                        "layers",
                        "units_1",
                        "activation",
                        "dropout",
                        "optimizer",
                        "lr",
                        "batch_size",
                        "epochs"));
    assertThat(points)
        .anyMatch(p -> p.containsKey("units_3"))
        .anyMatch(p -> !p.containsKey("units_2"))
        .anyMatch(p -> p.containsKey("momentum"))
        .anyMatch(p -> !p.containsKey("momentum"));
  }

  @Test
  void logRangeIsUniformInTheLogarithm() {
    List<Map<String, Object>> points = points(new RandomSampler(5), 4000);
    // 10^-2.5 halves 1e-4..1e-1 in log space; uniform sampling would put only 3% below it.
    long below = points.stream().filter(p -> (Double) p.get("lr") < Math.pow(10, -2.5)).count();
    assertThat(below / 4000.0).isBetween(0.46, 0.54);
    long smallUnits = points.stream().filter(p -> (Integer) p.get("units_1") < 256).count();
    assertThat(smallUnits / 4000.0).isBetween(0.45, 0.55);
  }

  @Test
  void rangesReachBothEndsAndSteppedOnesOnlyTheirSteps() {
    List<Map<String, Object>> points = points(new RandomSampler(9), 4000);
    Set<Object> units = new HashSet<>();
    Set<Object> dropouts = new HashSet<>();
    for (Map<String, Object> p : points) {
      units.add(p.get("units_1"));
      dropouts.add(p.get("dropout"));
    }
    assertThat(units).contains(64, 1024);
    assertThat(dropouts)
        .containsExactlyInAnyOrder(0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5);
    assertThat(points).allSatisfy(p -> assertThat(p.get("epochs")).isEqualTo(12));
  }
}
