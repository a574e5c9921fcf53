package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesJsonTest {
  @Test
  void writesEachPanelsTrialsWithMissingValuesAsNull() {
    Band missing = new Band(Double.NaN, Double.NaN, Double.NaN, 0);
    LearningCurves curves =
        new LearningCurves(
            "t\"1",
            List.of(new Band(0.5, 0.4, 0.6, 3)),
            List.of(missing),
            List.of(new Band(0.9, 0.9, 0.9, 1), new Band(1e-4, 0, 2e-4, 2)));

    String json = CurvesJson.of(new Block.CurvesChart("c", "C", List.of(curves)));

    assertThat(json)
        .isEqualTo(
            "{\"id\":\"c\",\"title\":\"C\",\"panels\":["
                + "{\"title\":\"Training loss\",\"axis\":\"loss\",\"trials\":[{\"name\":\"t\\\"1\","
                + "\"mean\":[0.5],\"low\":[0.4],\"high\":[0.6]}]},"
                + "{\"title\":\"Validation loss\",\"axis\":\"loss\",\"trials\":[{\"name\":\"t\\\"1\","
                + "\"mean\":[null],\"low\":[null],\"high\":[null]}]},"
                + "{\"title\":\"Validation accuracy\",\"axis\":\"accuracy\",\"trials\":[{\"name\":"
                + "\"t\\\"1\",\"mean\":[0.9,1.0E-4],\"low\":[0.9,0.0],\"high\":[0.9,2.0E-4]}]}]}");
  }

  @Test
  void writesEmptyArraysForAChartWithoutEpochsOrTrials() {
    LearningCurves empty = new LearningCurves("e", List.of(), List.of(), List.of());

    assertThat(CurvesJson.of(new Block.CurvesChart("c", "C", List.of(empty))))
        .contains("{\"name\":\"e\",\"mean\":[],\"low\":[],\"high\":[]}");
    assertThat(CurvesJson.of(new Block.CurvesChart("c", "C", List.of()))).contains("\"trials\":[]");
  }

  @Test
  void escapesStringsSoTheyCannotCloseTheScriptElement() {
    assertThat(CurvesJson.string("</script>&\\\n\u2028"))
        .isEqualTo("\"\\u003c/script\\u003e\\u0026\\\\\\u000a\\u2028\"");
  }

  @Test
  void writesNonFiniteNumbersAsNull() {
    assertThat(CurvesJson.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(CurvesJson.number(0.25)).isEqualTo("0.25");
  }
}
