package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.SearchTrials.withEpochs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.SearchTrial.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCurvesTest {
  private static final List<SearchTrial> TRIALS =
      List.of(
          withEpochs(0, State.COMPLETE, 0.95, 0.90, 0.95),
          withEpochs(1, State.COMPLETE, 0.97, 0.93, 0.97),
          withEpochs(2, State.RUNNING, Double.NaN, 0.91),
          withEpochs(3, State.PRUNED, 0.80, 0.80),
          withEpochs(4, State.COMPLETE, 0.96, 0.92, 0.96));

  @Test
  void topKAreTheBestCompleteTrialsBestFirst() {
    SearchCurves top = SearchCurves.top(TRIALS, 2, true);
    assertThat(top.curves()).extracting(SearchCurves.Curve::number).containsExactly(1, 4);
    assertThat(top.curves().get(0).valAccuracy()).containsExactly(0.93, 0.97);
    assertThat(top.curves().get(0).trainLoss()).containsExactly(1.0, 0.5);
  }

  @Test
  void chosenTrialsIncludeRunningOnesAsFarAsTheyGot() {
    SearchCurves chosen = SearchCurves.of(TRIALS, List.of(3, 2));
    assertThat(chosen.curves()).extracting(SearchCurves.Curve::number).containsExactly(2, 3);
    assertThat(chosen.curves().get(0).state()).isEqualTo(State.RUNNING);
    assertThat(chosen.curves().get(0).valAccuracy()).containsExactly(0.91);
  }
}
