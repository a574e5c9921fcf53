package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.analysis.Band;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTest {
  private static final Band POINT = new Band(0.9, 0.89, 0.91, 3);

  private static Block.FactorChart.Panel panel(int points) {
    return new Block.FactorChart.Panel(
        "p", "y", List.of(new Block.FactorChart.Series("s", Collections.nCopies(points, POINT))));
  }

  @Test
  void knowsWhetherAFactorChartIsNumeric() {
    assertThat(ReportFixtures.factorChart().numeric()).isTrue();
    assertThat(ReportFixtures.categoricalChart().numeric()).isFalse();
  }

  @Test
  void rejectsAFactorChartWithTooFewXs() {
    assertThatThrownBy(
            () ->
                new Block.FactorChart(
                    "c", "C", "lr", List.of("a", "b"), List.of(1.0), false, List.of(panel(2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "factor chart xs must be empty (categorical) or hold one number per label "
                + "(2), got 1");
  }

  @Test
  void rejectsALogAxisWithAValueNotAboveZero() {
    assertThatThrownBy(
            () ->
                new Block.FactorChart(
                    "c", "C", "lr", List.of("a", "b"), List.of(0.0, 1.0), true, List.of(panel(2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a logarithmic x axis needs a finite x > 0 per label, got [0.0, 1.0] for "
                + "chart 'c'");
  }

  @Test
  void rejectsASeriesWithTheWrongNumberOfPoints() {
    assertThatThrownBy(
            () ->
                new Block.FactorChart(
                    "c", "C", "lr", List.of("a", "b"), List.of(), false, List.of(panel(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 's' must have one point per label (2), got 3");
  }

  @Test
  void rejectsAHeatmapRowOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                new Block.Heatmap(
                    "h",
                    "H",
                    "lr",
                    "batch",
                    List.of("r1", "r2"),
                    List.of("c1"),
                    List.of(List.of(1.0), List.of(1.0, 2.0)),
                    List.of(List.of("1"), List.of("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heatmap values row 2 must have one entry per column (1), got 2");
  }

  @Test
  void rejectsHeatmapCellsWithTooFewRows() {
    assertThatThrownBy(
            () ->
                new Block.Heatmap(
                    "h",
                    "H",
                    "lr",
                    "batch",
                    List.of("r1", "r2"),
                    List.of("c1"),
                    List.of(List.of(1.0), List.of(2.0)),
                    List.of(List.of("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heatmap cells must have one row per row label (2), got 1");
  }
}
