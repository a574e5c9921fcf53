package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.SearchTrials.at;
import static dev.mnistlab.analysis.SearchTrials.complete;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.SearchTrial.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SliceDataTest {

  @Test
  void eachParameterGetsTheCompleteTrialsItAppliesTo() {
    SearchParam lr = SearchParam.ofFloat("lr", 1e-4, 1e-1, true, false);
    SearchParam layers = SearchParam.ofChoice("layers", List.of(1, 2), false);
    SearchParam second = SearchParam.ofInt("units_2", 16, 512, false, true);
    List<SearchTrial> trials =
        List.of(
            complete(1, 0.97, Map.of("lr", 1e-3, "layers", 2, "units_2", 64)),
            complete(0, 0.95, Map.of("lr", 1e-2, "layers", 1)),
            at(2, State.PRUNED, 0.90, Map.of("lr", 5e-2, "layers", 1), 0, 1, "w1"));
    List<SliceData> slices = SliceData.of(trials, List.of(lr, layers, second));
    assertThat(slices).extracting(s -> s.param().name()).containsExactly("lr", "layers", "units_2");
    // The value itself, not its logarithm: the chart draws the log axis.
    assertThat(slices.get(0).points())
        .containsExactly(new SliceData.Point(0, 1e-2, 0.95), new SliceData.Point(1, 1e-3, 0.97));
    assertThat(slices.get(0).param().log()).isTrue();
    // A choice is placed at its index among the choices.
    assertThat(slices.get(1).points()).extracting(SliceData.Point::x).containsExactly(0.0, 1.0);
    assertThat(slices.get(2).points()).containsExactly(new SliceData.Point(1, 64, 0.97));
  }
}
