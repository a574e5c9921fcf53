package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

  private static final ModelSummary.Row LINEAR = new ModelSummary.Row(1, "linear(10)", "10", 7850);

  @Test
  void keepsRowsAndTotal() {
    ModelSummary summary = new ModelSummary("784", List.of(LINEAR), 7850);
    assertThat(summary.rows()).containsExactly(LINEAR);
    assertThat(summary.totalParameters()).isEqualTo(7850);
  }

  @Test
  void rejectsATotalThatIsNotTheSumOfTheRows() {
    assertThatThrownBy(() -> new ModelSummary("784", List.of(LINEAR), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("total parameters must be the sum of the rows, 7850, got 1");
  }

  @Test
  void rejectsNoRows() {
    assertThatThrownBy(() -> new ModelSummary("784", List.of(), 0))
        .hasMessage("a model summary needs at least one row");
  }

  @Test
  void rejectsARowIndexBelowOne() {
    assertThatThrownBy(() -> new ModelSummary.Row(0, "relu", "10", 0))
        .hasMessage("row index must be >= 1, got 0");
  }
}
