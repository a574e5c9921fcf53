package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.SearchTrials.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatGroupsTest {

  @Test
  void groupsCompleteRunsOfOneConfigurationWithTheirInterval() {
    List<SearchTrial> trials =
        List.of(
            complete(0, 0.980, Map.of("lr", 1e-3, "units", 128)),
            complete(1, 0.970, Map.of("lr", 1e-2, "units", 128)),
            complete(2, 0.982, Map.of("units", 128.0, "lr", 1e-3)),
            complete(3, 0.978, Map.of("lr", 1e-3, "units", 128)),
            complete(4, 0.990, Map.of("lr", 1e-4, "units", 64)),
            complete(5, 0.972, Map.of("lr", 1e-2, "units", 128)));
    RepeatGroups repeats = RepeatGroups.of(trials, true);
    assertThat(repeats.groups()).hasSize(2);
    RepeatGroups.Group best = repeats.groups().get(0);
    assertThat(best.numbers()).containsExactly(0, 2, 3);
    assertThat(best.band().mean()).isCloseTo(0.980, within(1e-12));
    assertThat(best.band()).isEqualTo(Stats.band(0.980, 0.982, 0.978));
    assertThat(repeats.groups().get(1).numbers()).containsExactly(1, 5);
  }

  @Test
  void minimisingPutsTheSmallestMeanFirst() {
    List<SearchTrial> trials =
        List.of(
            complete(0, 0.2, Map.of("a", 1)),
            complete(1, 0.3, Map.of("a", 1)),
            complete(2, 0.1, Map.of("a", 2)),
            complete(3, 0.1, Map.of("a", 2)));
    assertThat(RepeatGroups.of(trials, false).groups().get(0).numbers()).containsExactly(2, 3);
  }
}
