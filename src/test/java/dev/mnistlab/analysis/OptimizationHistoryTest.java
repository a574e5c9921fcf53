package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.SearchTrials.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.SearchTrial.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizationHistoryTest {

  private static final List<SearchTrial> TRIALS =
      List.of(
          at(2, State.COMPLETE, 0.95, Map.of(), 20, 30, "w1"),
          at(0, State.COMPLETE, 0.90, Map.of(), 0, 10, "w1"),
          at(1, State.PRUNED, 0.97, Map.of(), 0, 5, "w2"),
          at(3, State.COMPLETE, 0.93, Map.of(), 30, 45, "w2"),
          at(4, State.FAILED, Double.NaN, Map.of(), 40, 41, "w1"),
          at(5, State.RUNNING, Double.NaN, Map.of(), 45, Double.NaN, "w1"));

  @Test
  void runningBestIsSetByCompleteTrialsOnlyInNumberOrder() {
    OptimizationHistory h = OptimizationHistory.of(TRIALS, true);
    assertThat(h.points())
        .extracting(OptimizationHistory.Point::number)
        .containsExactly(0, 1, 2, 3);
    // The pruned trial's 0.97 is a partial run's: it is drawn, marked, and never the best.
    assertThat(h.points())
        .extracting(OptimizationHistory.Point::best)
        .containsExactly(0.90, 0.90, 0.95, 0.95);
    assertThat(h.points().get(1).state()).isEqualTo(State.PRUNED);
  }

  @Test
  void timesCountFromTheFirstStartToEachFinish() {
    OptimizationHistory h = OptimizationHistory.of(TRIALS, true);
    assertThat(h.points())
        .extracting(OptimizationHistory.Point::seconds)
        .containsExactly(10.0, 5.0, 30.0, 45.0);
  }

  @Test
  void minimisingKeepsTheSmallest() {
    OptimizationHistory h = OptimizationHistory.of(TRIALS, false);
    assertThat(h.points())
        .extracting(OptimizationHistory.Point::best)
        .containsExactly(0.90, 0.90, 0.90, 0.90);
  }

  @Test
  void bestByATimeMarkCountsOnlyTrialsFinishedByThen() {
    OptimizationHistory h = OptimizationHistory.of(TRIALS, true);
    assertThat(h.bestBy(4)).isNaN();
    assertThat(h.bestBy(10)).isEqualTo(0.90);
    assertThat(h.bestBy(29.9)).isEqualTo(0.90);
    assertThat(h.bestBy(30)).isEqualTo(0.95);
  }

  @Test
  void noFinishedTrialsGiveAnEmptyHistory() {
    assertThat(OptimizationHistory.of(List.of(), true).points()).isEmpty();
  }
}
