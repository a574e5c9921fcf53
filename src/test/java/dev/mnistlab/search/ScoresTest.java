package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {
  @Test
  void makesLargerBetterInBothDirectionsAndNanWorst() {
    assertThat(Scores.of(Direction.MAXIMIZE, 0.9)).isEqualTo(0.9);
    assertThat(Scores.of(Direction.MINIMIZE, 0.9)).isEqualTo(-0.9);
    assertThat(Scores.of(Direction.MAXIMIZE, Double.NaN)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Scores.of(Direction.MINIMIZE, Double.NaN)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void takesTheMiddleOrTheMeanOfTheMiddleTwo() {
    assertThat(Scores.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Scores.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    assertThat(
            Scores.median(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 2}))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Scores.median(new double[0])).isNaN();
  }

  @Test
  void scoresOnlyTheCurvesThatReachedTheEpoch() {
    List<Curve> others =
        List.of(
            new Curve(0, List.of(0.1, 0.2)),
            new Curve(1, List.of(0.3)),
            new Curve(2, List.of(0.4, Double.NaN)));

    assertThat(Scores.at(Direction.MINIMIZE, others, 2))
        .containsExactly(-0.2, Double.NEGATIVE_INFINITY);
    assertThat(Scores.at(Direction.MAXIMIZE, others, 1)).containsExactly(0.1, 0.3, 0.4);
  }
}
