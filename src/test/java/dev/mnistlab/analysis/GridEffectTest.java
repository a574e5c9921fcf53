package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.diverged;
import static dev.mnistlab.analysis.Fixtures.flats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridEffectTest {

  private static GridCell cell(String lr, String batch, TrainResult... runs) {
    return new GridCell(
        lr,
        Double.parseDouble(lr),
        batch,
        Double.parseDouble(batch),
        Fixtures.trial("lr " + lr + " batch " + batch, runs));
  }

  private static GridEffect grid(List<GridCell> cells) {
    return GridEffect.of("lr", "batch_size", true, cells);
  }

  /** Returns a 3 x 2 grid whose best lr grows from 1e-4 at batch 16 to 1e-3 at batch 256. */
  private static List<GridCell> growing() {
    return List.of(
        cell("1e-4", "16", flats(0.970, 0.971, 0.972)),
        cell("1e-3", "16", flats(0.950, 0.951, 0.952)),
        cell("1e-2", "16", diverged(38, 0), diverged(40, 0), diverged(45, 0)),
        cell("1e-4", "256", flats(0.930, 0.931, 0.932)),
        cell("1e-3", "256", flats(0.975, 0.976, 0.977)),
        cell("1e-2", "256", flats(0.960, 0.961, 0.962)));
  }

  @Test
  void findsTheBestCellAndTheBestRowOfEachColumn() {
    GridEffect grid = grid(growing());

    assertThat(grid.rows()).containsExactly("1e-4", "1e-3", "1e-2");
    assertThat(grid.columns()).containsExactly("16", "256");
    assertThat(grid.bestRow()).isEqualTo(1);
    assertThat(grid.bestColumn()).isEqualTo(1);
    assertThat(grid.byColumn().get(0).best()).isEqualTo("1e-4");
    assertThat(grid.byColumn().get(1).best()).isEqualTo("1e-3");
    List<List<Double>> mean = grid.meanAccuracy();
    assertThat(mean.get(0).get(0)).isCloseTo(0.971, within(1e-12));
    assertThat(mean.get(1).get(1)).isCloseTo(0.976, within(1e-12));
    assertThat(mean.get(2).get(0)).isNaN();
    assertThat(grid.cell(2, 0).diverged()).isEqualTo(3);
  }

  @Test
  void saysTheBestRateGrowsWithTheBatchAndByHowMuchPerDoubling() {
    GridEffect grid = grid(growing());

    assertThat(grid.scaling().grows()).isTrue();
    assertThat(grid.scaling().exponent()).isCloseTo(Math.log(10) / Math.log(16), within(1e-12));
    assertThat(grid.findings())
        .containsExactly(
            "Best cell: lr 1e-3, batch_size 256, final validation accuracy 0.9760 [0.9735, 0.9785].",
            "No other value is within seed noise of it.",
            grid.findings().get(2),
            "batch_size 16: best lr 1e-4 with 0.9710 [0.9685, 0.9735]; no other lr within seed "
                + "noise.",
            "batch_size 256: best lr 1e-3 with 0.9760 [0.9735, 0.9785]; no other lr within seed "
                + "noise.",
            "The best lr grows with batch_size: from 1e-4 at 16 to 1e-3 at 256, x1.78 per doubling "
                + "of batch_size (least-squares exponent 0.83). The linear-scaling rule predicts x2 "
                + "per doubling (exponent 1), square-root scaling x1.41 (exponent 0.5).",
            "lr 1e-2, batch_size 16: diverged in 3 of 3 seeds at step ~40.");
    assertThat(grid.findings().get(2)).startsWith("Worse than it beyond seed noise");
  }

  @Test
  void saysTheBestRateDoesNotGrowWhenItFallsWithTheBatch() {
    GridEffect grid =
        grid(
            List.of(
                cell("1e-4", "16", flats(0.950, 0.951, 0.952)),
                cell("1e-3", "16", flats(0.970, 0.971, 0.972)),
                cell("1e-4", "256", flats(0.975, 0.976, 0.977)),
                cell("1e-3", "256", flats(0.930, 0.931, 0.932))));

    assertThat(grid.scaling().grows()).isFalse();
    assertThat(grid.scaling().monotone()).isFalse();
    assertThat(grid.findings())
        .contains(
            "The best lr does not grow with batch_size: 1e-3 at "
                + "16, 1e-4 at 256; the overall trend is x0.56 per doubling of batch_size "
                + "(least-squares exponent -0.83). The linear-scaling rule predicts x2 per doubling "
                + "(exponent 1), square-root scaling x1.41 (exponent 0.5).");
  }

  @Test
  void saysTheBestRateStaysAndWarnsWhenNeighboursAreWithinNoise() {
    GridEffect grid =
        grid(
            List.of(
                cell("1e-4", "16", flats(0.968, 0.974, 0.981)),
                cell("1e-3", "16", flats(0.970, 0.975, 0.980)),
                cell("1e-4", "256", flats(0.930, 0.931, 0.932)),
                cell("1e-3", "256", flats(0.975, 0.976, 0.977))));

    assertThat(grid.scaling().grows()).isFalse();
    assertThat(grid.scaling().monotone()).isTrue();
    assertThat(grid.findings())
        .contains(
            "batch_size 16: best lr 1e-3 with 0.9750 [0.9626, 0.9874]; within seed noise: 1e-4.",
            "The best lr does not grow with batch_size: it stays at 1e-3 from 16 to 256. The "
                + "linear-scaling rule predicts x2 per doubling (exponent 1), square-root scaling "
                + "x1.41 (exponent 0.5).",
            "Each column's best lr is picked by its mean; where other values are within seed noise "
                + "of it, or noise cannot be measured, the trend is less certain than these "
                + "numbers suggest.");
  }

  @Test
  void cannotCheckScalingOverACategoricalFactor() {
    GridEffect grid =
        GridEffect.of(
            "optimizer",
            "batch_size",
            false,
            List.of(
                new GridCell("adam", Double.NaN, "16", 16, Fixtures.trial("a", flats(0.97))),
                new GridCell("sgd", Double.NaN, "16", 16, Fixtures.trial("b", flats(0.95)))));

    assertThat(grid.scaling()).isNull();
    assertThat(grid.findings())
        .contains(
            "Whether the best optimizer grows with batch_size "
                + "cannot be checked: that needs numbers above 0 on both axes and a best optimizer in "
                + "two or more columns.");
  }

  @Test
  void rejectsAGridWithAMissingCell() {
    List<GridCell> cells = new ArrayList<>(growing());
    cells.remove(5);

    assertThatThrownBy(() -> grid(cells))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a grid needs one cell per pair of values, got none for lr 1e-2, " + "batch_size 256");
  }

  @Test
  void rejectsAGridWithTwoCellsForOnePair() {
    List<GridCell> cells = new ArrayList<>(growing());
    cells.add(cell("1e-4", "16", flats(0.9)));

    assertThatThrownBy(() -> grid(cells))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a grid needs one cell per pair of values, got two for lr 1e-4, " + "batch_size 16");
  }

  @Test
  void rejectsALabelThatComesWithTwoValues() {
    List<GridCell> cells = new ArrayList<>(growing());
    cells.set(3, new GridCell("1e-4", 2e-4, "256", 256, Fixtures.trial("t", flats(0.9))));

    assertThatThrownBy(() -> grid(cells))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a grid value's label must mean one value, got lr 1e-4 as 1.0E-4 and " + "2.0E-4");
  }
}
