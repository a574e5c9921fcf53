package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeatmapJsonTest {

  @Test
  void writesAHeatmapRowByRowWithNullForAMissingValue() {
    assertThat(HeatmapJson.of(ReportFixtures.heatmap()))
        .isEqualTo(
            "{\"id\":\"grid\","
                + "\"title\":\"Mean validation accuracy \\u003clr x batch\\u003e\",\"rowAxis\":"
                + "\"lr\",\"columnAxis\":\"batch_size\",\"rows\":[\"1e-4\",\"1e-3\",\"1e-2\"],"
                + "\"columns\":[\"16\",\"256\"],\"values\":[[0.971,0.931],[0.951,0.976],"
                + "[null,0.961]],\"cells\":[[\"0.9710\",\"0.9310\"],[\"0.9510\",\"0.9760\"],"
                + "[\"diverged\",\"0.9610\"]]}");
  }
}
