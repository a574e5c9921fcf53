package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.SearchTrials.T0;
import static dev.mnistlab.analysis.SearchTrials.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.SearchTrial.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialTimelineTest {

  @Test
  void barsRunFromStartToFinishOnTheirWorkerAndRunningOnesToNow() {
    List<SearchTrial> trials =
        List.of(
            at(1, State.PRUNED, 0.9, Map.of(), 2, 5, "w2"),
            at(0, State.COMPLETE, 0.95, Map.of(), 1, 9, "w1"),
            at(2, State.RUNNING, Double.NaN, Map.of(), 9, Double.NaN, "w1"),
            at(3, State.WAITING, Double.NaN, Map.of(), Double.NaN, Double.NaN, null));
    TrialTimeline timeline = TrialTimeline.of(trials, T0.plusSeconds(20));
    assertThat(timeline.workers()).containsExactly("w1", "w2");
    assertThat(timeline.bars())
        .containsExactly(
            new TrialTimeline.Bar(0, "w1", 0, 8, State.COMPLETE),
            new TrialTimeline.Bar(1, "w2", 1, 4, State.PRUNED),
            new TrialTimeline.Bar(2, "w1", 8, 19, State.RUNNING));
  }

  @Test
  void noStartedTrialsGiveAnEmptyTimeline() {
    TrialTimeline timeline =
        TrialTimeline.of(
            List.of(at(0, State.WAITING, Double.NaN, Map.of(), Double.NaN, Double.NaN, null)), T0);
    assertThat(timeline.bars()).isEmpty();
    assertThat(timeline.workers()).isEmpty();
  }
}
