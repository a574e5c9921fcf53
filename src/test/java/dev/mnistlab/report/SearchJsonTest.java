package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnistlab.analysis.OptimizationHistory;
import dev.mnistlab.analysis.ParamImportances;
import dev.mnistlab.analysis.SearchTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void writesTheHistoryAsArraysOfNumberValueSecondsAndTip() {
    OptimizationHistory history =
        new OptimizationHistory(
            true,
            List.of(
                new OptimizationHistory.Point(0, SearchTrial.State.COMPLETE, 0.9, 10, 0.9),
                new OptimizationHistory.Point(1, SearchTrial.State.PRUNED, 0.5, Double.NaN, 0.9)));
    String json =
        SearchJson.of(
            new Block.HistoryChart("h", "History", "val_accuracy", history, Map.of(0, "lr 0.01")));
    assertThat(json)
        .isEqualTo(
            "{\"kind\":\"history\",\"id\":\"h\",\"title\":\"History\",\"objective\":\"val_accuracy\","
                + "\"maximize\":true,\"complete\":[[0,0.9,10.0,\"lr 0.01\"]],"
                + "\"pruned\":[[1,0.5,null,\"\"]],\"best\":[[0,0.9],[1,0.9]]}");
  }

  @Test
  void escapesMarkupSoNoNameCanCloseTheScriptElement() {
    ParamImportances imp =
        new ParamImportances(
            "m",
            3,
            0,
            List.of(
                new ParamImportances.Importance("</script><b>&", 1, Double.NaN, Double.NaN, 3)));
    String json = SearchJson.of(new Block.ImportanceChart("i", "<script>alert(1)</script>", imp));
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(json).contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
  }

  @Test
  void everyChartKindIsValidJsonWithItsKindAndMissingValuesAsNull() throws Exception {
    for (Block.SearchChart chart : SearchFixtures.charts()) {
      JsonNode json = MAPPER.readTree(SearchJson.of(chart));
      assertThat(json.get("id").asText()).isEqualTo(chart.id());
      assertThat(json.get("title").asText()).isEqualTo(chart.title());
    }
    JsonNode parallel = MAPPER.readTree(SearchJson.of(SearchFixtures.charts().get(3)));
    assertThat(parallel.get("kind").asText()).isEqualTo("parallel");
    assertThat(parallel.get("axes")).hasSize(3);
    // Trial 0 has one layer: its units_2 does not apply and is null; its objective is last.
    JsonNode first = parallel.get("rows").get(0);
    assertThat(first.get(0).asInt()).isZero();
    assertThat(first.get(3).isNull()).isTrue();
    assertThat(first.get(4).asDouble()).isEqualTo(0.9);
    JsonNode timeline = MAPPER.readTree(SearchJson.of(SearchFixtures.charts().get(4)));
    assertThat(timeline.get("workers").toString()).isEqualTo("[\"w1\",\"w2\"]");
    assertThat(timeline.get("bars").get(11).toString()).isEqualTo("[1,50.0,70.0,\"running\",11]");
  }
}
