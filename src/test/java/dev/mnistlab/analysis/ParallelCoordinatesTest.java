package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.SearchTrials.at;
import static dev.mnistlab.analysis.SearchTrials.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.analysis.SearchTrial.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParallelCoordinatesTest {
  private static final SearchParam OPTIMIZER =
      SearchParam.ofChoice("optimizer", List.of("sgd", "adam"), false);
  private static final SearchParam SECOND = SearchParam.ofInt("units_2", 16, 512, false, true);

  @Test
  void conditionalParametersAreMissingWhereTheyDoNotApply() {
    List<SearchTrial> trials =
        List.of(
            complete(3, 0.97, Map.of("optimizer", "adam", "units_2", 128)),
            complete(1, 0.95, Map.of("optimizer", "sgd")),
            at(2, State.FAILED, Double.NaN, Map.of("optimizer", "sgd"), 0, 1, "w1"));
    ParallelCoordinates pc = ParallelCoordinates.of(trials, List.of(OPTIMIZER, SECOND));
    assertThat(pc.rows()).extracting(ParallelCoordinates.Row::number).containsExactly(1, 3);
    assertThat(pc.rows().get(0).values()).containsExactly(0.0, Double.NaN);
    assertThat(pc.rows().get(1).values()).containsExactly(1.0, 128.0);
    assertThat(pc.rows().get(1).value()).isEqualTo(0.97);
  }

  @Test
  void refusesARowWithTheWrongNumberOfValues() {
    assertThatThrownBy(
            () ->
                new ParallelCoordinates(
                    List.of(OPTIMIZER, SECOND),
                    List.of(new ParallelCoordinates.Row(4, List.of(1.0), 0.9))))
        .hasMessage("trial 4 has 1 values for 2 axes");
  }
}
