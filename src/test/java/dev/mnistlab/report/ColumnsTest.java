package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  @Test
  void recognisesNumbersWithSignsExponentsPercentsAndIntervals() {
    assertThat(
            List.of(
                "0.981",
                "-3e-4",
                "1,024",
                "97.8%",
                ".5",
                "0.95 \u00b1 0.01",
                "0.91 [0.90, 0.92]",
                "12:30"))
        .allSatisfy(cell -> assertThat(Columns.looksNumeric(cell)).as(cell).isTrue());
    assertThat(List.of("trial-3", "relu", "", "NaN", "v1.2", "3 layers"))
        .allSatisfy(cell -> assertThat(Columns.looksNumeric(cell)).as(cell).isFalse());
  }

  @Test
  void treatsAColumnAsNumericDespitePlaceholdersButNotWhenAllAreMissing() {
    Block.Table table =
        new Block.Table(
            List.of("name", "acc", "loss", "gone"),
            List.of(
                List.of("a", "0.9", "\u2014", "NaN"),
                List.of("b", "NaN", "0.3"),
                List.of("7", "", "0.2", "-")));

    assertThat(Columns.numeric(table)).containsExactly(false, true, true, false);
  }

  @Test
  void countsColumnsOfTheWidestRowAndPadsShortRows() {
    Block.Table table = new Block.Table(List.of("a"), List.of(List.of("1", "2", "3")));

    assertThat(Columns.count(table)).isEqualTo(3);
    assertThat(Columns.cell(table.header(), 2)).isEmpty();
  }
}
